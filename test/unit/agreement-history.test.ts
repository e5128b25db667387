import { describe, expect, it } from 'vitest';
import { agreementOf, pairAgreement, weightedKappa } from '../../src/core/agreement.js';
import { changeBetween, groupByProgram } from '../../src/core/history.js';
import { scoreReview } from '../../src/core/score-review.js';
import type { Review } from '../../src/core/review.js';
import { loadFramework, loadScale } from '../../src/read/data-files.js';

const rater = (name: string, scores: number[]) => ({ name, scores: new Map(scores.map((s, i) => [`i${i}`, s])) });

describe('inter-rater agreement (hand-computed)', () => {
  it('perfect agreement across the whole scale: 100% exact, kappa 1', () => {
    const p = pairAgreement(rater('A', [1, 2, 3, 4, 5]), rater('B', [1, 2, 3, 4, 5]), 1, 5);
    expect(p).toMatchObject({ items: 5, exact: { count: 5, of: 5, rate: 1 }, withinOne: { count: 5, of: 5, rate: 1 }, kappa: 1 });
  });
  it('identical ratings with no variation: kappa is undefined (null), never NaN', () => {
    const p = pairAgreement(rater('A', [4, 4, 4, 4]), rater('B', [4, 4, 4, 4]), 1, 5);
    expect(p.exact.rate).toBe(1);
    expect(p.kappa).toBeNull();
    expect(weightedKappa([], 1, 5)).toBeNull();
  });
  it('two one-point disagreements: 60% exact, 100% within one, quadratic kappa 6/7', () => {
    // A = 1 2 3 4 5, B = 2 2 3 4 4. Σw·O = 2·(1/16)/5 = 0.025; Σw·E = 0.2·(4.8+1.8+0.8+1.8+4.8)/16 = 0.175.
    const p = pairAgreement(rater('A', [1, 2, 3, 4, 5]), rater('B', [2, 2, 3, 4, 4]), 1, 5);
    expect(p.exact).toEqual({ count: 3, of: 5, rate: 0.6 });
    expect(p.withinOne).toEqual({ count: 5, of: 5, rate: 1 });
    expect(p.kappa).toBeCloseTo(6 / 7, 12);
  });
  it('agreement no better than chance: kappa 0', () => {
    // A = 3 3 4 4, B = 4 3 4 3: Σw·O = Σw·E = 1/32.
    const p = pairAgreement(rater('A', [3, 3, 4, 4]), rater('B', [4, 3, 4, 3]), 1, 5);
    expect(p.exact.rate).toBe(0.5);
    expect(p.kappa).toBeCloseTo(0, 12);
  });
  it('only counts items both reviewers rated', () => {
    const a = {
      name: 'A',
      scores: new Map([
        ['x', 3],
        ['y', 4],
      ]),
    };
    const b = {
      name: 'B',
      scores: new Map([
        ['y', 4],
        ['z', 2],
      ]),
    };
    expect(pairAgreement(a, b, 1, 5)).toMatchObject({ items: 1, exact: { count: 1, of: 1 } });
  });
  it('lists the items to reconcile, widest spread first, and those with no consensus', () => {
    const items = [
      { id: 'i0', code: 'S1', score: 4 },
      { id: 'i1', code: 'S2', score: null },
      { id: 'i2', code: 'S3', score: 3 },
    ];
    const a = agreementOf([rater('A', [4, 5, 3]), rater('B', [5, 2, 3])], items, 1, 5);
    expect(a.reconcile.map((r) => [r.code, r.spread])).toEqual([
      ['S2', 3],
      ['S1', 1],
    ]);
    expect(a.noConsensus).toEqual(['S2']);
    expect(a.byReviewer).toEqual([
      { name: 'A', scores: { S1: 4, S2: 5, S3: 3 } },
      { name: 'B', scores: { S1: 5, S2: 2, S3: 3 } },
    ]);
  });
});

describe('history', () => {
  const scale = loadScale('ips-25');
  const framework = loadFramework('8', scale).framework;
  const review = (
    name: string,
    id: string | undefined,
    date: string,
    base: number,
    bump: Record<string, number> = {},
  ): ReturnType<typeof scoreReview> => {
    const r: Review = {
      program: { name, ...(id ? { id } : {}) },
      date,
      reviewers: [],
      scaleId: 'ips-25',
      ratings: scale.items.map((it) => ({ itemId: it.id, score: bump[it.code] ?? base, flags: {}, origin: 'review' as const })),
      at: { file: 'x' },
    };
    return scoreReview(r, scale, framework);
  };
  it('gives the change per item, section, principle and total across three reviews', () => {
    const first = review('Northgate', 'NG-01', '2024-02-01', 3);
    const second = review('Northgate', 'NG-01', '2025-02-01', 3, { S1: 4, O3: 2 });
    const third = review('Northgate', 'NG-01', '2026-02-01', 4, { O3: 3 });
    const [g] = groupByProgram([third, first, second]);
    expect(g!.map((r) => r.date)).toEqual(['2024-02-01', '2025-02-01', '2026-02-01']);
    const c1 = changeBetween(first, second);
    expect(c1.total).toEqual({ from: 75, to: 75, delta: 0 });
    expect(c1.items.filter((i) => i.delta).map((i) => [i.code, i.delta])).toEqual([
      ['S1', 1],
      ['O3', -1],
    ]);
    const c2 = changeBetween(second, third);
    expect(c2.total).toEqual({ from: 75, to: 99, delta: 24 });
    expect(c2.sections.map((s) => [s.id, s.delta])).toEqual([
      ['staffing', 2],
      ['organization', 8],
      ['services', 14],
    ]);
    expect(c2.items.find((i) => i.code === 'O3')).toMatchObject({ from: 2, to: 3, delta: 1 });
    expect(c2.principles.find((p) => p.id === 'integration')).toMatchObject({ from: 2.75, to: 3.75, delta: 1 });
  });
  it('matches a renamed program by its id', () => {
    const groups = groupByProgram([
      review('Les Jardins', 'JE-13-001', '2025-03-20', 3),
      review("Les Jardins de l'Emploi", 'JE-13-001', '2026-03-12', 4),
    ]);
    expect(groups).toHaveLength(1);
  });
  it('keeps apart two programs of the same name with different ids', () => {
    const groups = groupByProgram([review('Tremplin', 'TH-34-002', '2025-01-01', 3), review('Tremplin', 'TR-69-001', '2026-01-01', 4)]);
    expect(groups).toHaveLength(2);
  });
  it('matches a review without an id by name', () => {
    const groups = groupByProgram([review('Westmoor Pathways', 'WM-03', '2025-03-04', 3), review('Westmoor pathways', undefined, '2026-03-03', 4)]);
    expect(groups).toHaveLength(1);
  });
});
