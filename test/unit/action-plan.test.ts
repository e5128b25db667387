// The review cycle's pure core: computed recommendations and what became of an action.
import { describe, expect, it } from 'vitest';
import { fateOf } from '../../src/core/action-plan.js';
import { recommend } from '../../src/core/recommendations.js';
import { scoreItem } from '../../src/core/score-item.js';
import { loadScale } from '../../src/read/data-files.js';

const scale = loadScale('ips-25');
const item = (code: string) => scale.items.find((i) => i.code === code)!;
const rated = (code: string, rating: Parameters<typeof scoreItem>[1]) => recommend(item(code), scoreItem(item(code), rating), 5);

describe('computed recommendations', () => {
  it('name the elements not in place by their id and text', () => {
    const r = rated('O2', { itemId: item('O2').id, observation: { kind: 'elements', present: ['a', 'b', 'c', 'e'] }, flags: {}, origin: 'review' });
    expect(r?.advice).toEqual([{ kind: 'element', id: 'd', label: item('O2').elements!.find((e) => e.id === 'd')!.label }]);
  });
  it('give the number to reach for a numeric item (the rule of the maximum score)', () => {
    const r = rated('S1', { itemId: item('S1').id, observation: { kind: 'value', value: 26 }, flags: {}, origin: 'review' });
    expect(r?.advice).toEqual([{ kind: 'value', value: 26, unit: 'ratio', target: { max: 20, score: 5 }, score: 5 }]);
  });
  it('name the condition that caps the score, and nothing at the maximum', () => {
    const capped = rated('V4', {
      itemId: item('V4').id,
      observation: { kind: 'value', value: 28 },
      flags: { 'tracks-employer-contacts': false },
      origin: 'review',
    });
    expect(capped?.advice.map((a) => a.kind)).toEqual(['condition']);
    expect(rated('S1', { itemId: item('S1').id, observation: { kind: 'value', value: 18 }, flags: {}, origin: 'review' })).toBeNull();
    expect(rated('S1', undefined)).toBeNull();
  });
  it('fall back on the anchor of the maximum for a plain score', () => {
    const r = rated('O3', { itemId: item('O3').id, score: 2, flags: {}, origin: 'review' });
    expect(r?.advice).toEqual([{ kind: 'anchor', score: 5, anchor: item('O3').anchors['5'] }]);
  });
});

describe('what became of an action', () => {
  it('done and dropped stay so; an open action is overdue once its due date is before the later review', () => {
    expect(fateOf('done', '2020-01-01', '2026-01-01')).toBe('done');
    expect(fateOf('dropped', undefined, '2026-01-01')).toBe('dropped');
    expect(fateOf('planned', '2025-12-31', '2026-01-01')).toBe('overdue');
    expect(fateOf('in-progress', '2026-01-01', '2026-01-01')).toBe('open');
    expect(fateOf('planned', undefined, '2026-01-01')).toBe('open');
  });
});
