import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/render/layout.js';

describe('wrapping French text in the terminal', () => {
  it('never starts a line with spaced punctuation nor ends one with «', () => {
    const text = 'Emplois payés au moins au salaire minimum · salaire minimum horaire : 11,88 EUR ; taux 45 % « moyen » ici';
    for (let w = 10; w <= 40; w++) {
      const lines = wrapText(text, w);
      for (const l of lines) {
        expect(l, `width ${w}`).not.toMatch(/^[:;%»]/);
        expect(l, `width ${w}`).not.toMatch(/«$/);
      }
      expect(lines.join(' ')).toBe(text);
    }
  });
  it('wraps English text as before', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
