// Words and numbers that read naturally: plurals, thousands separators, the terminal's width without cut
// words, and French help, suggestions and errors (issue 14 item 6).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/locale.js';
import { terminalWidth, textTable } from '../../src/render/layout.js';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l.normalize('NFC')].length));
const words = (s: string) => new Set(s.split(/[\s│|]+/).filter(Boolean));

describe('plural forms', () => {
  it('no "(s)" in any message of either language', () => {
    for (const f of readdirSync(join(ROOT, 'locales'))) expect(readFileSync(join(ROOT, 'locales', f), 'utf8'), f).not.toMatch(/\w\((s|e?s|x)\)/);
  });
  it('a value in days: "1 day", "2.5 days"; in French "1,5 jour" (French singular below 2)', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect(en.t('machine.unit.days', { n: '1', v: 1 })).toBe('1 day');
    expect(en.t('machine.unit.days', { n: '2.5', v: 2.5 })).toBe('2.5 days');
    expect(fr.t('machine.unit.days', { n: '1,5', v: 1.5 })).toBe('1,5 jour');
    expect(fr.t('machine.unit.days', { n: '2', v: 2 })).toBe('2 jours');
  });
});

describe('thousands separators', () => {
  it('numbers in messages are grouped as the tables group them (the one helper of src/i18n/number.ts); places are not', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect(en.t('machine.gate.maxWarnings', { n: 12345, max: 1000 })).toBe('12,345 warnings, more than --max-warnings 1,000 allows');
    expect(fr.t('machine.gate.maxWarnings', { n: 12345, max: 0 })).toContain(`${fr.num(12345)} avertissements`);
    expect(fr.num(12345)).toBe('12\u202f345');
    expect(en.t('problem.records.duplicateParticipant', { line: 12345 })).toContain('line 12345');
  });
});

describe('terminal width', () => {
  it("COLUMNS is honoured when standard output is not a terminal; the terminal's own width when it is", () => {
    expect(terminalWidth({ isTTY: false, columns: 200 }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: '100' })).toBe(132);
    expect(terminalWidth({ isTTY: false }, {})).toBe(80);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: 'wide' })).toBe(80);
  });
  it('the output fills the width it is given, and no line is wider', () => {
    const args = ['score', fixture('reviews', 'riverside-2026.yaml'), '--detail'];
    for (const w of [60, 100, 140]) {
      const out = cli(args, { COLUMNS: String(w) }).stdout;
      expect(widest(out), `COLUMNS=${w}`).toBeLessThanOrEqual(w);
      expect(widest(out), `COLUMNS=${w}`).toBeGreaterThan(w - 15);
    }
  });
  it('never cuts a word: every word of a narrow layout is a word of the wide one (English and French)', () => {
    for (const lang of ['en', 'fr']) {
      for (const args of [
        ['scales', 'ips-25', '--item', 'V4'],
        ['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--detail'],
      ]) {
        const wide = words(cli([...args, '--lang', lang], { COLUMNS: '400' }).stdout);
        const narrow = cli([...args, '--lang', lang], { COLUMNS: '50' }).stdout;
        const cut = [...words(narrow)].filter((w) => !wide.has(w));
        expect(cut, `${lang} ${args[0]}`).toEqual([]);
      }
    }
  });
  it('a wrapped column is never narrower than its longest word (up to half the width)', () => {
    const rows = [['V1', 'an extraordinarily-hyphenated-word and short ones '.repeat(3)]];
    const out = textTable([{ title: 'Code' }, { title: 'Text', wrap: true }], rows, 70);
    expect(out).toContain('extraordinarily-hyphenated-word');
    expect(widest(out)).toBeLessThanOrEqual(70);
  });
});

describe('French', () => {
  it('help text and headings with a French LANG or LC_ALL, or --lang fr', () => {
    for (const env of [{ LANG: 'fr_FR.UTF-8' }, { LC_ALL: 'fr_FR.UTF-8' }]) {
      const r = cli(['--help'], env);
      expect(r.stdout).toContain('Utilisation');
      expect(r.stdout).toContain('Commandes');
    }
    expect(cli(['score', '--help', '--lang', 'fr']).stdout).toContain('Options :');
  });
  it('"did you mean" and commander\'s other errors in French', () => {
    const r = cli(['scor'], { LANG: 'fr_FR.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('commande inconnue « scor »');
    expect(r.stderr).toContain('(Vouliez-vous dire score ?)');
    const o = cli(['score', 'x.yaml', '--formt', 'json', '--lang', 'fr']);
    expect(o.stderr).toContain('option inconnue « --formt »');
    expect(o.stderr).toContain('(Vouliez-vous dire --format ?)');
    const c = cli(['score', 'x.yaml', '--format', 'jsn', '--lang', 'fr']);
    expect(c.stderr).toContain("erreur: --format « jsn » n'est pas parmi : table, json, csv, markdown, xlsx ; vouliez-vous dire « json » ?");
    expect(cli(['scor']).stderr).toContain('(Did you mean score?)');
  });
  it('errors on French data in French, even when nothing could be read from it', () => {
    const csv = join(dir, 'cotations.csv');
    writeFileSync(csv, 'programme,identifiant_programme,date,item,cotation\nLes Jardins,JE-1,2026-03-12,V1,9\n');
    const r = cli(['score', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('erreur: une cote doit être un nombre entier');
    const yaml = join(dir, 'revue.yaml');
    writeFileSync(yaml, 'lang: fr\nscale: ips-25\nprogramme:\n  nom: X\n');
    const y = cli(['validate', yaml]);
    expect(y.stderr).toContain('Clé non reconnue');
    expect(cli(['score', csv, '--lang', 'en']).stderr).toContain('error: a score must be a whole number');
  });
});
