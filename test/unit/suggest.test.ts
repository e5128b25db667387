// "Did you mean" and the sniffing of standard input's format.
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/shared/suggest.js';
import { sniffText } from '../../src/read/files.js';

describe('closest', () => {
  it('suggests a value one or two edits away, a swap counting as one', () => {
    expect(editDistance('jsno', 'json')).toBe(1);
    expect(closest('jsno', ['table', 'json', 'csv', 'markdown'])).toBe('json');
    expect(closest('quartr', ['quarter', 'month', 'year', 'none'])).toBe('quarter');
    expect(closest('V66', ['S1', 'V6', 'V7'])).toBe('V6');
    expect(closest('JSON', ['table', 'json'])).toBe('json');
  });
  it('suggests nothing when no value is close', () => {
    expect(closest('de', ['en', 'fr'])).toBeUndefined();
    expect(closest('quartr', ['scale', 'score'])).toBeUndefined();
    expect(closest('x', ['a', 'b'])).toBeUndefined();
  });
});

describe('sniffText', () => {
  it.each([
    ['lang: fr\nscale: ips-25\n', 'yaml'],
    ['# a review\nprogram:\n', 'yaml'],
    ['---\nprogram: x\n', 'yaml'],
    ['\ufeffprogram,date,item,score\nX,2026-01-01,S1,4\n', 'table'],
    ['programme;date;item;cotation\n', 'table'],
    ['"program","date"\n', 'table'],
    ['', 'table'],
  ])('%j is %s', (text, kind) => {
    expect(sniffText(text)).toBe(kind);
  });
});
