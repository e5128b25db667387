// Wording a French funder (and an English one) reads without wincing: the vocabulary of the locale and
// scale files, and what the reports actually print for the bundled French program, in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { parse } from 'yaml';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

type Tree = { [k: string]: unknown };
/** Every string of a YAML tree with its key path. */
const strings = (t: unknown, path = ''): [string, string][] =>
  typeof t === 'string'
    ? [[path, t]]
    : typeof t === 'object' && t !== null
      ? Object.entries(t as Tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k))
      : [];
const load = (...p: string[]) => parse(readFileSync(join(ROOT, ...p), 'utf8'));
const scaleFiles = readdirSync(join(ROOT, 'scales')).filter((f) => f.endsWith('.yaml'));
/** French texts: the whole fr locale, and every `fr` text of the scale files. */
const frTexts: [string, string][] = [
  ...strings(load('locales', 'fr.yaml')).map(([k, v]): [string, string] => [`fr.yaml:${k}`, v]),
  ...scaleFiles.flatMap((f) =>
    strings(load('scales', f))
      .filter(([k]) => k.endsWith('.fr'))
      .map(([k, v]): [string, string] => [`${f}:${k}`, v]),
  ),
];
const enTexts: [string, string][] = [
  ...strings(load('locales', 'en.yaml')).map(([k, v]): [string, string] => [`en.yaml:${k}`, v]),
  ...scaleFiles.flatMap((f) =>
    strings(load('scales', f))
      .filter(([k]) => k.endsWith('.en'))
      .map(([k, v]): [string, string] => [`${f}:${k}`, v]),
  ),
];
const offenders = (texts: [string, string][], re: RegExp) => texts.filter(([, v]) => re.test(v)).map(([k, v]) => `${k}: ${v}`);

describe('French vocabulary of the locale and scale files', () => {
  it('reviewers are évaluateurs, never relecteurs (proofreaders)', () => {
    expect(offenders(frTexts, /relect(eur|rice)/i)).toEqual([]);
  });
  it('a disability is disclosed (dévoilement), not revealed (révélation)', () => {
    expect(offenders(frTexts, /révél/i)).toEqual([]);
    const v2 = load('scales', 'ips-25.yaml').items.find((i: { code: string }) => i.code === 'V2');
    expect(v2.name.fr).toMatch(/^Dévoilement/);
  });
  it('"milieu ordinaire" never labels competitive employment (an entreprise adaptée is milieu ordinaire in French law)', () => {
    // Allowed: the French setting of the contract table, the two texts that explain the difference, and the
    // French national indicators (--convention fr-ea), which count work by setting, not competitive work.
    const allowed = ['contracts.yaml:settings.0.label.fr', 'fr.yaml:pdf.terms.competitive.text', 'fr.yaml:pdf.outcomes.method'];
    expect(
      offenders(frTexts, /milieu ordinaire/i).filter((o) => !allowed.some((a) => o.startsWith(`${a}:`)) && !o.startsWith('fr.yaml:frEa.')),
    ).toEqual([]);
    const fr = load('locales', 'fr.yaml');
    expect(fr.pdf.terms.competitive.term).toBe('Emploi compétitif');
    for (const k of ['employment', 'daysToJob', 'competitiveShare']) expect(fr.measure[k], k).toMatch(/compétitif/);
  });
  it('exits before any job are "sorties avant tout emploi", not "abandons"', () => {
    const fr = load('locales', 'fr.yaml');
    expect(fr.measure.dropOut).toBe('Sorties avant tout emploi');
    expect(
      offenders(
        frTexts.filter(([k]) => !k.startsWith('fr.yaml:pdf.outcomes.reference.')),
        /abandon/i,
      ),
    ).toEqual([]);
  });
  it('a rating is a "cote" throughout, never a "note"', () => {
    // "notes de suivi" (case notes) are fine; a rating called note is not.
    expect(offenders(frTexts, /\b(noté|notée|notés|notées|noter)\b|\b(la|une|sa|leur|les) notes? (\d|sont|explicite|par)|\bnotes? \d/i)).toEqual([]);
  });
  it('no English word left in French texts', () => {
    // Placeholders, commands and the model's proper name are not words a reader reads as English.
    const prose = frTexts
      .filter(([k]) => !k.startsWith('fr.yaml:help.') && !k.startsWith('fr.yaml:init.'))
      .map(([k, v]): [string, string] => [k, v.replace(/\{\w+\}/g, '').replace('Individual Placement and Support', '')]);
    expect(offenders(prose, /\b(empowerment|job coach(ing)?|the|and|with|score|rated|drop-out)\b/i)).toEqual([]);
  });
  it('English texts use American spelling only', () => {
    expect(
      offenders(
        enTexts,
        /\b\w*(labour|colour|centre|randomis|organis|neighbour|programme|standardis|behaviour|favour|individualis|personalis|specialis(?:ed|ing|ation|e)\b|counsell)\w*\b/i,
      ),
    ).toEqual([]);
  });
});

const dir = tempDir();
async function pdfText(file: string): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(doc, { mergePages: true });
  return (text as string).replace(/\s+/g, ' ');
}
function run(args: string[]): string {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('what the reports print for the French sample program, in both languages', () => {
  const out: Record<'en' | 'fr', string[]> = { en: [], fr: [] };
  // [outcomes markdown, score table, score markdown, fidelity PDF, outcomes PDF] in each language.
  beforeAll(async () => {
    for (const lang of ['en', 'fr'] as const) {
      const pdf = join(dir, `fidelity-${lang}.pdf`);
      const outcomes = join(dir, `outcomes-${lang}.pdf`);
      out[lang].push(run(['outcomes', fixture('programs', 'jardins'), '--format', 'markdown', '--lang', lang]));
      run(['outcomes', fixture('programs', 'jardins'), '--lang', lang, '--pdf', outcomes, '--quiet']);
      for (const format of ['table', 'markdown'])
        out[lang].push(run(['score', fixture('reviews', 'jardins-emploi-2026.yaml'), '--format', format, '--lang', lang]));
      run(['report', fixture('reviews', 'jardins-emploi-2026.yaml'), '--lang', lang, '-o', pdf, '--quiet']);
      out[lang].push(await pdfText(pdf), await pdfText(outcomes));
    }
  }, 60_000);
  it('shows no internal key, option name, placeholder or unfinished arithmetic', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const text of out[lang]) {
        expect(text).not.toMatch(/minimumN|minimum_wage|--min-cell|\{\w+\}|−1 |pdf\.|measure\.|outcomes\./);
      }
    }
  });
  it('finishes its sentences: job starts say how many were a first job', () => {
    expect(out.en[0]).toMatch(/23 competitive job starts, 19 of them a person's first job/);
    expect(out.fr[0]).toMatch(/23 débuts d'emploi compétitif, dont 19 premiers emplois/);
    expect(out.en[0]).not.toMatch(/started their first\s*$/m);
  });
  it('French output has no English words and no "de Les"-style grammar from inserted names', () => {
    // English words a French reader would notice; the fixture's own notes are French.
    const english =
      /\b(the|of|and|with|score|rated|window|quarter|specialists?|yes|reviewers?|mean|median|working|served|competitive|drop-out|people|benchmarks?|labou?r|undefined|NaN)\b/i;
    for (const text of out.fr) {
      expect(text.replace('Individual Placement and Support', '').match(english)?.[0] ?? null).toBeNull();
      expect(text).not.toMatch(/\b(de|à) (Les|Le) |\bde les (huit|neuf)\b|milieu ordinaire\)/);
    }
  });
  it("the principle profile says its item-to-principle mapping is this tool's reading, in the terminal, Markdown and PDF", () => {
    for (const i of [1, 2, 3]) {
      expect(out.en[i]!.replace(/\s+/g, ' ')).toContain("this tool's own reading of the IPS principles, not an official table");
      expect(out.fr[i]!.replace(/\s+/g, ' ')).toContain('propre à cet outil, pas une table officielle');
    }
  });
  it('the French glossary explains "emploi compétitif" and why it is not "milieu ordinaire"', () => {
    const fidelityPdf = out.fr[3]!;
    expect(fidelityPdf).toMatch(/Emploi compétitif — .*entreprise adaptée \(EA\).*milieu ordinaire/);
    expect(fidelityPdf).toContain('Dévoilement des troubles');
  });
});

describe('help in French', () => {
  it("has commander's own words (titles, choices, defaults) in French too", () => {
    for (const args of [['--help'], ['outcomes', '--help']]) {
      const r = cli([...args, '--lang', 'fr']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/Usage:|Options:|Arguments:|Commands:|choices:|default:|display help/);
      expect(r.stdout).toMatch(/^Utilisation : ips-fidelity/);
    }
    expect(cli(['outcomes', '--help']).stdout).toMatch(/^Usage: ips-fidelity outcomes[\s\S]*\(choices: "quarter"/);
  });
  it('schema problems of a YAML file are in French too', () => {
    const r = cli(['validate', fixture('broken', 'bad-scale.yaml'), '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain('Entrée invalide');
    expect(r.stderr + r.stdout).not.toMatch(/Invalid input|Unrecognized/);
  });
});
