// End to end: `outcomes --convention fr-ea` on the French fixture (fixtures/programs/jardins) for 2026.
// Figures checked by hand from the fixture's tables:
// - accompanied 27 (30 less P005, P008, P016, who left in 2025); 20 already there, 7 entered (P024–P030);
//   5 left (P003 and P020 moved, P012 own choice, P019 emploi durable, P026 hospital); 22 still there.
// - at the end (31/12/2026): ordinary P001, P006, P009, P010, P015, P017, P023, P024, P027, P029 (10),
//   EA P028, ESAT P018 (MAD): 12 of 22 in work. During 2026: 21 of 27 (not in work: P003, P004, P012, P020, P026, P030).
// - emploi durable during 2026: P001, P006, P009, P010, P011, P013, P014, P015, P017, P019, P021, P023,
//   P024, P025, P027 (15); started in 2026: P006, P014, P019, P021, P023, P024, P025, P027 (8).
// - ESAT origin: P006 (ESAT in 2025, CDI from January 2026) and P018 (MAD): 1 of 2 left for ordinary work.
// - 17 distinct employers of the jobs and work trials held in 2026 while accompanied (ESAT and MAD not counted).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractText, getDocumentProxy } from 'unpdf';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

const jardins = fixture('programs', 'jardins');
const run = (args: string[]) => cli(['outcomes', jardins, '--convention', 'fr-ea', '--year', '2026', ...args]);
const pdfText = async (file: string) => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true })).text;

describe('outcomes --convention fr-ea (French national indicators of emploi accompagné)', () => {
  const dir = tempDir();
  it('prints the indicators in French on the terminal, with the program language', () => {
    const r = run(['--min-cell', '0']);
    expect(r.code).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Personnes accompagnées entre le 01/01/2026 et le 31/12/2026 27');
    expect(out).toContain('déjà accompagnées avant le 01/01/2026 20');
    expect(out).toContain('entrées dans le dispositif sur la période 7');
    expect(out).toContain('sorties du dispositif sur la période 5');
    expect(out).toContain('Déménagement 2');
    expect(out).toContain('Emploi stabilisé, accompagnement plus nécessaire 1');
    expect(out).toMatch(/Milieu ordinaire \(hors EA\) 10 \(45,5 %\) 19 \(70,4 %\)/);
    expect(out).toMatch(/En emploi, tous milieux 12 \(54,5 %\) 21 \(77,8 %\)/);
    expect(out).toContain('15 (55,6 %) sur 27');
    expect(out).toContain('8 (29,6 %) sur 27');
    expect(out).toContain("1 (50,0 %) sur 2 personnes venues d'un ESAT");
    expect(out).toMatch(/Employeurs accompagnés .* 17/);
    expect(out).toContain('médiane 15,0 mois (n = 27)');
  });
  it('speaks English with --lang en', () => {
    const out = run(['--lang', 'en', '--min-cell', '0']).stdout.replace(/\s+/g, ' ');
    expect(out).toMatch(/People supported \(personnes accompagnées\) between 2026-01-01 and (2026-12-31 )?27/);
    expect(out).toContain('still supported after 2026-12-31 22');
    expect(out).toMatch(/In work, any setting 12 \(54\.5%\) 21 \(77\.8%\)/);
    expect(out).toContain('Left an ESAT for the ordinary labor market 1 (50.0%) of 2 people who came from an ESAT');
  });
  it('suppresses small cells by default: "<5", "masqué", and rates withheld', () => {
    const out = run([]).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Personnes accompagnées entre le 01/01/2026 et le 31/12/2026 27'); // head counts stay
    expect(out).toMatch(/Entreprise adaptée \(EA\) <5 <5/);
    expect(out).toMatch(/Milieu ordinaire \(hors EA\) masqué masqué/);
    expect(out).toContain("<5 sur <5 personnes venues d'un ESAT");
    expect(out).not.toMatch(/<5 \(/); // no percentage beside a suppressed count
  });
  it('writes JSON that the shipped schema (schema/fr-ea.schema.json) accepts', () => {
    const r = run(['--format', 'json', '--min-cell', '0']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'fr-ea.schema.json'), 'utf8')));
    expect(() => schema.parse(o)).not.toThrow();
    expect(o).toMatchObject({
      schemaVersion: 1,
      convention: 'fr-ea',
      window: { from: '2026-01-01', to: '2026-12-31' },
      accompanied: 27,
      flow: { atStart: 20, entries: 7, exits: 5, atEnd: 22 },
    });
    expect(o.workAtEnd.inWork).toEqual({ people: 12, of: 22, rate: 12 / 22 });
    expect(o.durable.during.people).toBe(15);
    expect(o.esatToOrdinary).toEqual({ fromEsat: 2, toOrdinary: 1, rate: 0.5 });
    expect(o.employers).toEqual({ accompanied: 17 });
    // With suppression, the cells are "<5" or "hidden", which the schema accepts too.
    const s = JSON.parse(run(['--format', 'json']).stdout);
    expect(() => schema.parse(s)).not.toThrow();
    expect(s.esatToOrdinary).toEqual({ fromEsat: '<5', toOrdinary: '<5', rate: null });
  });
  it('writes the indicator table as CSV: indicator, value, n, of', () => {
    const r = run(['--format', 'csv', '--min-cell', '0']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('indicator,value,n,of');
    expect(lines).toEqual(
      expect.arrayContaining([
        'accompanied,27,,',
        'entries,7,,',
        'exits_moved,2,,5',
        'in_work_at_end_any_setting,0.545455,12,22',
        'durable_employment_during,0.555556,15,27',
        'esat_to_ordinary,0.5,1,2',
        'employers_accompanied,17,,',
      ]),
    );
    expect(run(['--format', 'csv']).stdout).toContain('in_work_at_end_ea,,<5,22');
  });
  it('writes Markdown', () => {
    const r = run(['--format', 'markdown']);
    expect(r.stdout).toContain("# Les Jardins de l'Emploi");
    expect(r.stdout).toContain("## Durée d'accompagnement");
  });
  it('writes a French PDF, and an English one with --lang en, whose text reads back', async () => {
    const fr = join(dir, 'fr-ea.pdf');
    const en = join(dir, 'fr-ea-en.pdf');
    expect(run(['--min-cell', '0', '--pdf', fr, '-q']).code).toBe(0);
    expect(run(['--min-cell', '0', '--lang', 'en', '--pdf', en, '-q']).code).toBe(0);
    const f = (await pdfText(fr)).replace(/\s+/g, ' ');
    expect(f).toContain('EMPLOI ACCOMPAGNÉ — INDICATEURS NATIONAUX');
    expect(f).toContain('27 personnes accompagnées du 01/01/2026 au 31/12/2026 ; 12 (54,5 %) en emploi le 31/12/2026.');
    expect(f).toContain("Sorties d'ESAT vers le milieu ordinaire");
    expect(f).toContain('France Travail');
    const e = (await pdfText(en)).replace(/\s+/g, ' ');
    expect(e).toContain('27 people supported from 2026-01-01 to 2026-12-31; 12 (54.5%) in work on 2026-12-31.');
    expect(e).toContain('Durable employment, ESAT and employers');
    // The same bytes for the same input: no clock.
    const again = join(dir, 'fr-ea-2.pdf');
    run(['--min-cell', '0', '--pdf', again, '-q']);
    expect(readFileSync(again).equals(readFileSync(fr))).toBe(true);
  });
  it('says that --per-person and --min-rate do not apply, and writes no per-person file', () => {
    const file = join(dir, 'per-person.csv');
    const r = run(['--per-person', file, '--min-rate', '40', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--per-person does not apply to the French national indicators');
    expect(r.stderr).toContain('--min-rate does not apply');
    expect(existsSync(file)).toBe(false);
  });
  it('reads the optional ESAT-origin column (esat_a_l_entree) of the participants table', () => {
    // A copy of the fixture where P004 and P030 say they came from an ESAT: with P006 and P018, 4 people; still 1 to ordinary work.
    const copy = join(dir, 'jardins-esat');
    cpSync(jardins, copy, { recursive: true });
    const file = join(copy, 'participants.csv');
    const lines = readFileSync(file, 'latin1').split(/\r?\n/);
    const edited = lines.map((l, i) => (i === 0 ? `${l};esat_a_l_entree` : l === '' ? l : `${l};${/^P00[4]|^P030/.test(l) ? 'oui' : 'non'}`));
    writeFileSync(file, edited.join('\r\n'), 'latin1');
    const r = cli(['outcomes', copy, '--convention', 'fr-ea', '--year', '2026', '--min-cell', '0', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).esatToOrdinary).toEqual({ fromEsat: 4, toOrdinary: 1, rate: 0.25 });
  });
  it('reports the problems of a French folder in French, as the other outcomes do', () => {
    const copy = join(dir, 'jardins-broken');
    cpSync(jardins, copy, { recursive: true });
    const file = join(copy, 'participants.csv');
    const lines = readFileSync(file, 'latin1').split(/\r?\n/);
    lines[2] = lines[2]!.replace(/^(P002;[^;]*;)[^;]*/, '$1notadate');
    writeFileSync(file, lines.join('\r\n'), 'latin1');
    for (const convention of [[], ['--convention', 'fr-ea', '--year', '2026']]) {
      const r = cli(['outcomes', copy, ...convention]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("participants.csv:3:3: erreur: ce n'est pas une date");
    }
  });
  it('refuses a year that is not one, with exit 2', () => {
    const r = run(['--year', '26']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year');
  });
  it('takes --from/--to instead of a year, and --year works with the other conventions too', () => {
    const o = JSON.parse(
      cli(['outcomes', jardins, '--convention', 'fr-ea', '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'json']).stdout,
    );
    expect(o.window).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(o.accompanied).toBe(23); // entered in 2025: P001–P023
    const std = JSON.parse(cli(['outcomes', jardins, '--year', '2025', '--format', 'json']).stdout);
    expect(std.window).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
