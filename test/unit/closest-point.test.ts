import { describe, expect, it } from 'vitest';
import { closestPoint } from '../../src/core/score-item.js';

describe('per-specialist ratings averaged to the closest scale point', () => {
  it('takes the closest point', () => {
    expect(closestPoint([5])).toBe(5);
    expect(closestPoint([4, 4, 5])).toBe(4); // 4.33
    expect(closestPoint([4, 5, 5])).toBe(5); // 4.67
    expect(closestPoint([1, 2, 2, 2])).toBe(2); // 1.75
  });
  it('breaks an exact tie toward the lower point (conservative)', () => {
    expect(closestPoint([3, 4])).toBe(3); // 3.5
    expect(closestPoint([4, 5])).toBe(4); // 4.5
    expect(closestPoint([1, 2])).toBe(1); // 1.5
    expect(closestPoint([2, 3, 3, 4, 4, 5])).toBe(3); // 3.5 over six specialists
  });
});
