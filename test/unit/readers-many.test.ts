// Many programs in one run (issue 12, item 2): no spread of an unbounded list into a call, which
// overflows the call stack past about 120,000 elements.
import { describe, expect, it } from 'vitest';
import { groupByProgram } from '../../src/core/history.js';
import { markdownTable, textTable } from '../../src/render/layout.js';

const N = 150_000;

describe('150,000 programs', () => {
  it('are grouped by program', () => {
    const reviews = Array.from({ length: N }, (_, i) => ({ program: { name: `P${i}` }, date: '2026-01-01' }));
    expect(groupByProgram(reviews)).toHaveLength(N);
  });
  it('fit in a text table and a Markdown table', () => {
    const rows = Array.from({ length: N }, (_, i) => [`P${i}`, String(i % 5)]);
    const columns = [{ title: 'program' }, { title: 'score' }];
    expect(textTable(columns, rows, 80).split('\n')).toHaveLength(N + 2);
    expect(markdownTable(columns, rows).split('\n')).toHaveLength(N + 3);
  });
});
