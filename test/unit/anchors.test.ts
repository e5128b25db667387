// Every anchor boundary of every numeric item, every element table and every band edge of the built-in scales.
import { describe, expect, it } from 'vitest';
import { loadScale } from '../../src/read/data-files.js';
import { bandOf, findItem } from '../../src/scale/scale.js';
import { scoreElements, scoreObservation, scoreValue } from '../../src/core/score-item.js';

const ips25 = loadScale('ips-25');
const ips15 = loadScale('ips-15');
const item = (scale: typeof ips25, code: string) => {
  const it = findItem(scale, code);
  if (!it) throw new Error(`no item ${code}`);
  return it;
};

/** [value, expected score] pairs at and around each anchor edge. */
const EDGES: Record<string, [number, number][]> = {
  S1: [
    [0, 5],
    [20, 5],
    [20.4, 4],
    [21, 4],
    [25, 4],
    [25.1, 3],
    [26, 3],
    [30, 3],
    [30.5, 2],
    [31, 2],
    [40, 2],
    [40.5, 1],
    [41, 1],
    [120, 1],
  ],
  S2: [
    [100, 5],
    [96, 5],
    [95.9, 4],
    [95.5, 4],
    [95, 4],
    [90, 4],
    [89.9, 3],
    [89, 3],
    [75, 3],
    [74.9, 2],
    [74, 2],
    [60, 2],
    [59.9, 1],
    [0, 1],
  ],
  O1: [
    [100, 5],
    [90, 5],
    [89.9, 4],
    [75, 4],
    [74.9, 3],
    [50, 3],
    [49.9, 2],
    [0, 2],
  ],
  V4: [
    [0, 5],
    [30, 5],
    [30.5, 4],
    [31, 4],
    [60, 4],
    [60.5, 3],
    [61, 3],
    [150, 3],
    [151, 2],
    [270, 2],
    [270.5, 1],
    [271, 1],
    [900, 1],
  ],
  V5: [
    [100, 5],
    [90, 5],
    [89.9, 4],
    [75, 4],
    [74.9, 3],
    [50, 3],
    [49.9, 2],
    [25, 2],
    [24.9, 1],
    [0, 1],
  ],
  V6: [
    [10, 5],
    [6, 5],
    [5.9, 4],
    [5, 4],
    [4.9, 3],
    [4, 3],
    [3.9, 2],
    [3, 2],
    [2, 2],
    [1.9, 1],
    [0, 1],
  ],
  V8: [
    [100, 5],
    [85, 5],
    [84.9, 4],
    [70, 4],
    [69.9, 3],
    [60, 3],
    [59.9, 2],
    [50, 2],
    [49.9, 1],
    [0, 1],
  ],
  V9: [
    [100, 5],
    [85, 5],
    [84.9, 4],
    [70, 4],
    [69.9, 3],
    [60, 3],
    [59.9, 2],
    [50, 2],
    [49.9, 1],
    [0, 1],
  ],
  V10: [
    [100, 5],
    [95, 5],
    [94.9, 4],
    [85, 4],
    [84.9, 3],
    [75, 3],
    [74.9, 2],
    [64, 2],
    [63.9, 1],
    [0, 1],
  ],
  V13: [
    [100, 5],
    [65, 5],
    [64.9, 4],
    [50, 4],
    [49.9, 3],
    [40, 3],
    [39.9, 2],
    [30, 2],
    [29.9, 1],
    [0, 1],
  ],
};

const EDGES_15: Record<string, [number, number][]> = {
  S1: [
    [25, 5],
    [25.5, 4],
    [26, 4],
    [40, 4],
    [40.5, 3],
    [41, 3],
    [60, 3],
    [61, 2],
    [80, 2],
    [80.5, 1],
    [81, 1],
  ],
  V2: [
    [30, 5],
    [31, 4],
    [182, 4],
    [183, 3],
    [273, 3],
    [274, 2],
    [365, 2],
    [366, 1],
  ],
  V8: [
    [100, 5],
    [70, 5],
    [69.9, 4],
    [60, 4],
    [59.9, 3],
    [40, 3],
    [39.9, 2],
    [10.1, 2],
    [10, 1],
    [0, 1],
  ],
};

describe('IPS-25 numeric anchors', () => {
  it('covers every numeric item of the scale', () => {
    const numeric = ips25.items.filter((i) => i.rules).map((i) => i.code);
    expect(Object.keys(EDGES).sort()).toEqual(numeric.sort());
  });
  for (const [code, cases] of Object.entries(EDGES)) {
    it.each(cases)(`${code} %s → %s`, (value, expected) => {
      expect(scoreValue(item(ips25, code), value).score).toBe(expected);
    });
  }
});

describe('IPS-15 numeric anchors (never mixed with IPS-25)', () => {
  it('covers every numeric item of the scale', () => {
    expect(Object.keys(EDGES_15).sort()).toEqual(
      ips15.items
        .filter((i) => i.rules)
        .map((i) => i.code)
        .sort(),
    );
  });
  for (const [code, cases] of Object.entries(EDGES_15)) {
    it.each(cases)(`${code} %s → %s`, (value, expected) => {
      expect(scoreValue(item(ips15, code), value).score).toBe(expected);
    });
  }
});

describe('element-count tables', () => {
  const ids = 'abcdef'.split('');
  const TABLES: Record<string, (number | null)[]> = {
    S3: [null, 3, 3, 3, 3, 4, 5],
    O2: [1, 1, 2, 3, 4, 5],
    O5: [1, 1, 2, 3, 4, 5],
    O7: [1, 1, 2, 3, 4, 5],
    O8: [1, 1, 2, 3, 4, 5],
    V2: [1, 2, 3, 4, 5],
    V14: [1, 1, 1, 2, 3, 4, 5],
  };
  it('covers every checklist item of IPS-25', () => {
    expect(Object.keys(TABLES).sort()).toEqual(
      ips25.items
        .filter((i) => i.kind === 'elements')
        .map((i) => i.code)
        .sort(),
    );
  });
  for (const [code, table] of Object.entries(TABLES)) {
    it.each(table.map((s, n) => [n, s] as const))(`${code} with %s elements → %s`, (n, expected) => {
      expect(scoreElements(item(ips25, code), ids.slice(0, n))).toBe(expected);
    });
  }
});

describe('fidelity bands', () => {
  it.each([
    [25, 'not-se'],
    [73, 'not-se'],
    [74, 'fair'],
    [99, 'fair'],
    [100, 'good'],
    [114, 'good'],
    [115, 'exemplary'],
    [125, 'exemplary'],
  ])('IPS-25 total %s → %s', (total, band) => expect(bandOf(ips25, total).id).toBe(band));
  it.each([
    [15, 'not-se'],
    [55, 'not-se'],
    [56, 'fair'],
    [65, 'fair'],
    [66, 'good'],
    [75, 'good'],
  ])('IPS-15 total %s → %s', (total, band) => expect(bandOf(ips15, total).id).toBe(band));
  it('labels bands in English and French', () => {
    expect(ips25.bands.map((b) => b.label.fr)).toEqual([
      'Fidélité exemplaire',
      'Bonne fidélité',
      'Fidélité passable',
      "Pas de l'emploi accompagné de type IPS",
    ]);
    expect(ips25.bands.map((b) => b.label.en)).toEqual(['Exemplary fidelity', 'Good fidelity', 'Fair fidelity', 'Not supported employment']);
  });
});

describe('conditions on scores', () => {
  it('V10 scores 1 with fewer than 10 current jobs', () => {
    const v10 = item(ips25, 'V10');
    expect(scoreObservation(v10, { kind: 'value', value: 100, n: 9 }, {}).score).toBe(1);
    expect(scoreObservation(v10, { kind: 'value', value: 100, n: 10 }, {}).score).toBe(5);
    expect(scoreObservation(v10, { kind: 'value', value: 100 }, {}).score).toBe(5);
  });
  it('V4 scores at most 4 when employer contacts are not tracked', () => {
    const v4 = item(ips25, 'V4');
    const r = scoreObservation(v4, { kind: 'value', value: 20 }, { 'tracks-employer-contacts': false });
    expect(r.score).toBe(4);
    expect(r.evidence.capped).toEqual([{ flag: 'tracks-employer-contacts', maxWithout: 4, uncapped: 5 }]);
    expect(scoreObservation(v4, { kind: 'value', value: 20 }, { 'tracks-employer-contacts': true }).score).toBe(5);
  });
  it('V6 needs a contact log reviewed monthly for 3 and weekly for 4 and 5', () => {
    const v6 = item(ips25, 'V6');
    const obs = { kind: 'value' as const, value: 7 };
    expect(scoreObservation(v6, obs, { 'contact-log-reviewed-monthly': false }).score).toBe(2);
    expect(scoreObservation(v6, obs, { 'contact-log-reviewed-weekly': false }).score).toBe(3);
    expect(scoreObservation(v6, obs, { 'contact-log-reviewed-weekly': true }).score).toBe(5);
  });
  it('V6 rates each specialist, then takes the closest point of the mean (ties go down)', () => {
    const v6 = item(ips25, 'V6');
    const r = scoreObservation(
      v6,
      {
        kind: 'specialists',
        specialists: [
          { name: 'A', value: 6 },
          { name: 'B', value: 4.5 },
        ],
      },
      {},
    );
    expect(r.evidence.specialists).toEqual([
      { name: 'A', value: 6, score: 5 },
      { name: 'B', value: 4.5, score: 3 },
    ]);
    expect(r.evidence.mean).toBe(4);
    expect(r.score).toBe(4);
    const tie = scoreObservation(
      v6,
      {
        kind: 'specialists',
        specialists: [
          { name: 'A', value: 5.5 },
          { name: 'B', value: 4 },
        ],
      },
      {},
    );
    expect(tie.evidence.mean).toBe(3.5);
    expect(tie.score).toBe(3);
  });
  it('only V6, V7 and V13 are rated per specialist', () => {
    expect(ips25.items.filter((i) => i.perSpecialist).map((i) => i.code)).toEqual(['V6', 'V7', 'V13']);
  });
});

describe('IPS-25 O4 (vocational unit) and anchor status', () => {
  const o4 = item(ips25, 'O4');
  it('covers caseloads from anchor 4 on, not at 3, and offers the rural teleconference alternative at 4 and 5', () => {
    expect(o4.anchors['3']!.en).toMatch(/discuss cases/);
    expect(o4.anchors['3']!.en).toMatch(/do not cover for each other's caseloads/);
    for (const a of ['4', '5']) {
      expect(o4.anchors[a]!.en, a).toMatch(/cover for each other's caseloads when needed/);
      expect(o4.anchors[a]!.en, a).toMatch(/rural area where each specialist works alone at a separate site.*teleconference/);
      expect(o4.anchors[a]!.fr, a).toMatch(/zone rurale.*visioconférence/);
    }
    expect(o4.anchors['4']!.en).toMatch(/2–3 times a month by teleconference/);
    expect(o4.anchors['5']!.en).toMatch(/weekly by teleconference/);
  });
  it('records for every item whether its anchors are verified or provisional', () => {
    for (const it of ips25.items) expect(['verified', 'provisional'], it.code).toContain(it.anchorStatus);
    expect(o4.anchorStatus).toBe('provisional');
  });
});

describe('anchorStatus in a scale file', () => {
  it('is validated by the scale schema and defaults to provisional', async () => {
    const { scaleSchemas } = await import('../../src/scale/schema.js');
    const { Item } = scaleSchemas();
    const base = { id: 'x', code: 'X1', section: 's', kind: 'ordinal', name: { en: 'X' }, criterion: { en: 'X' }, anchors: { '1': { en: 'a' } } };
    expect(Item.parse(base).anchorStatus).toBe('provisional');
    expect(Item.parse({ ...base, anchorStatus: 'verified' }).anchorStatus).toBe('verified');
    expect(Item.safeParse({ ...base, anchorStatus: 'checked' }).success).toBe(false);
  });
});
