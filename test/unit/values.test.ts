import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDate, parseNumber, normalizeName, daysBetween } from '../../src/shared/values.js';
import { decodeText, sniffDelimiter, looksBinary } from '../../src/read/text.js';
import iconv from 'iconv-lite';

describe('dates', () => {
  it('reads ISO and day-first dates to ISO', () => {
    expect(parseDate('2026-03-12')).toEqual({ ok: true, value: '2026-03-12' });
    expect(parseDate('12/03/2026')).toEqual({ ok: true, value: '2026-03-12' });
    expect(parseDate('03/02/2025')).toEqual({ ok: true, value: '2025-02-03' }); // 3 February, never 2 March
    expect(parseDate('1/2/2025')).toEqual({ ok: true, value: '2025-02-01' });
    expect(parseDate('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
  });
  it('rejects impossible dates, the US order and other text', () => {
    expect(parseDate('31/02/2026')).toEqual({ ok: false, expected: 'date.impossible' });
    expect(parseDate('29/02/2025')).toEqual({ ok: false, expected: 'date.impossible' });
    expect(parseDate('2026-13-01')).toEqual({ ok: false, expected: 'date.impossible' });
    expect(parseDate('02/13/2025')).toEqual({ ok: false, expected: 'date.usOrder' });
    expect(parseDate('March 3, 2025')).toEqual({ ok: false, expected: 'date.format' });
    expect(parseDate('')).toEqual({ ok: false, expected: 'date.format' });
  });
  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('numbers and booleans', () => {
  it('accepts a decimal comma or point and French thousands spaces', () => {
    expect(parseNumber('18,5')).toEqual({ ok: true, value: 18.5 });
    expect(parseNumber('18.5')).toEqual({ ok: true, value: 18.5 });
    expect(parseNumber(' 92 ')).toEqual({ ok: true, value: 92 });
    expect(parseNumber('1\u202f234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('87,5%')).toEqual({ ok: true, value: 87.5 });
    expect(parseNumber(7)).toEqual({ ok: true, value: 7 });
  });
  it('rejects text that is not a number', () => {
    for (const bad of ['abc', '1,2,3', '', '4 et demi', '1.2.3']) expect(parseNumber(bad).ok).toBe(false);
  });
  it('reads yes/no in English and French', () => {
    for (const t of ['yes', 'Oui', 'TRUE', '1', 'o', 'y']) expect(parseBoolean(t)).toEqual({ ok: true, value: true });
    for (const f of ['no', 'NON', 'false', '0', 'n']) expect(parseBoolean(f)).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });
  it('matches names ignoring case, accents, spaces, _ and -', () => {
    expect(normalizeName('Date_Entrée')).toBe(normalizeName('date entree'));
    expect(normalizeName('identifiant-programme')).toBe('identifiantprogramme');
  });
});

describe('text decoding and delimiters', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const text = 'programme;commentaire\nÉlan;œuvre €\n';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8', mixedLine: null });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({
      text,
      encoding: 'utf-8',
      mixedLine: null,
    });
  });
  it('decodes Windows-1252, including € œ and ’', () => {
    const text = 'Cœur d’Azur: 12 €';
    expect(decodeText(iconv.encode(text, 'win1252'))).toEqual({ text, encoding: 'windows-1252', mixedLine: null });
  });
  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(sniffDelimiter('program,date,item')).toBe(',');
    expect(sniffDelimiter('programme;date;item')).toBe(';');
    expect(sniffDelimiter('program\tdate\titem')).toBe('\t');
    expect(sniffDelimiter('"a,b,c";d;e')).toBe(';');
  });
  it('tells binary data from text', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toBe(true);
    expect(looksBinary(Buffer.from('a,b\n1,2\n'))).toBe(false);
  });
});
