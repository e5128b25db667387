// The same numbers in every format (issue 11, "Done when"): outcomes JSON, CSV (both sections), Markdown and
// PDF text for each program fixture, in English and French; score JSON, CSV and PDF for each review.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { parse } from 'csv-parse/sync';
import { cli, fixture, tempDir } from '../helpers.js';

const dir = tempDir();
const flat = (s: string) => s.replace(/\|/g, ' ').replace(/\s+/g, ' ');

async function pdfText(file: string): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
  return flat(text as string);
}

function run(args: string[]): string {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** A CSV line split on commas (the outcomes CSV quotes nothing: labels and numbers only). */
const cells = (line: string) => line.split(',');

const WORDS = {
  en: {
    of: 'of',
    bench: { 'below-minimal': 'below minimal', minimal: 'minimal', average: 'average', excellent: 'excellent' } as Record<string, string>,
  },
  fr: {
    of: 'sur',
    bench: { 'below-minimal': 'sous le minimum', minimal: 'minimum', average: 'moyen', excellent: 'excellent' } as Record<string, string>,
  },
};

const pct = (rate: number, lang: 'en' | 'fr') => {
  const n = (Math.round(rate * 1000) / 10).toFixed(1);
  return lang === 'fr' ? `${n.replace('.', ',')} %` : `${n}%`;
};
const quarter = (label: string, lang: 'en' | 'fr') => (lang === 'fr' ? label.replace('-Q', '-T') : label);

describe.each(['harbour', 'jardins', 'harbour-workbook'])('outcomes of %s', (program) => {
  const folder = fixture('programs', program);
  const o = JSON.parse(run(['outcomes', folder, '--format', 'json']));
  const M = o.measures;

  it('CSV: the period rows and the measures section are the JSON numbers', () => {
    const [periods, measures] = run(['outcomes', folder, '--format', 'csv']).split('\r\n\r\n');
    const rows = periods!.split('\r\n').slice(1).map(cells);
    expect(rows.map((r) => [r[0], Number(r[3]), Number(r[4]), r[6] || null, Number(r[7])])).toEqual(
      o.periods.map((p: any) => [p.label, p.served, p.working, p.benchmark, p.jobStarts]),
    );
    const lines = measures!.trimEnd().split('\r\n');
    expect(lines[0]).toBe('measure,value,n,of');
    const m = new Map(
      lines.slice(1).map((l) => {
        const [k, ...v] = cells(l);
        return [k!, v.map((x) => (x === '' ? null : Number(x)))];
      }),
    );
    const ratio = (k: string, r: any) => expect(m.get(k), k).toEqual([r.rate === null ? null : Number(r.rate.toFixed(6)), r.count, r.of]);
    ratio('employment_rate', { rate: M.rate, count: M.working, of: M.served });
    expect(m.get('job_starts')![0]).toBe(M.jobStarts);
    expect(m.get('first_job_starts')![0]).toBe(M.firstJobStarts);
    expect(m.get('days_to_first_contact_mean')![0]).toBeCloseTo(M.daysToFirstContact.mean, 4);
    expect(m.get('days_to_first_contact_median')).toEqual([M.daysToFirstContact.median, M.daysToFirstContact.n, M.daysToFirstContact.cohort]);
    expect(m.get('no_contact_yet_counted_at_days_elapsed')![0]).toBe(M.daysToFirstContact.late);
    for (const w of M.daysToFirstJob.within) ratio(`first_job_within_${w.days}_days`, w);
    for (const w of M.tenure.stillWorking) ratio(`jobs_still_held_at_${w.days}_days`, w);
    expect(m.get('longest_job_median_days')).toEqual([M.tenure.longest.medianDays, M.tenure.longest.people, null]);
    expect(m.get('longest_job_censored')).toEqual([M.tenure.longest.censored, M.tenure.longest.censored, M.tenure.longest.people]);
    expect(m.get('weeks_worked_median')![0]).toBeCloseTo(M.weeksWorked.median, 4);
    ratio('jobs_at_least_20_hours', M.hours.atLeast20);
    ratio('people_at_least_20_hours', M.hours.peopleAtLeast20);
    ratio('drop_out', M.exits.dropOut);
    ratio('competitive_share_of_jobs', { rate: M.contracts.competitiveShare, count: M.contracts.competitive, of: M.contracts.jobs });
  });

  // The workbook holds harbour's data: its PDF is harbour's (kept out of the PDF runs, which are slow).
  it.skipIf(program === 'harbour-workbook').each(['en', 'fr'] as const)('Markdown and PDF (%s) print the JSON numbers', async (lang) => {
    const w = WORDS[lang];
    const md = flat(run(['outcomes', folder, '--format', 'markdown', '--lang', lang]));
    const out = join(dir, `${program}-${lang}.pdf`);
    run(['outcomes', folder, '--lang', lang, '--pdf', out, '-q']);
    const pdf = await pdfText(out);
    const ratio = (r: any) => `${r.count} ${w.of} ${r.of} (${pct(r.rate, lang)})`;
    const expected = [
      ...o.periods.map((p: any) => `${quarter(p.label, lang)} ${p.served} ${p.working} ${pct(p.rate, lang)} ${w.bench[p.benchmark]} ${p.jobStarts}`),
      ratio({ count: M.working, of: M.served, rate: M.rate }),
      ...M.daysToFirstJob.within.filter((x: any) => x.of).map(ratio),
      ...M.tenure.stillWorking.filter((x: any) => x.of).map(ratio),
      ratio(M.hours.atLeast20),
      ratio(M.hours.peopleAtLeast20),
      ratio(M.exits.dropOut),
      ratio({ count: M.contracts.competitive, of: M.contracts.jobs, rate: M.contracts.competitiveShare }),
      ...M.specialists.map((s: any) => `${s.name} ${s.caseload}`),
    ];
    for (const text of expected) {
      expect(md, `Markdown ${lang}`).toContain(text);
      expect(pdf, `PDF ${lang}`).toContain(text);
    }
  });
});

describe('score: JSON, CSV and PDF agree for every review fixture', () => {
  const files = readdirSync(fixture('reviews')).map((f) => fixture('reviews', f));
  it.each(files)('%s', async (file) => {
    const r = JSON.parse(run(['score', file, '--format', 'json'])).reviews[0];
    const [head, row] = run(['score', file, '--format', 'csv']).split('\r\n');
    const csv = Object.fromEntries(cells(head!).map((k, i) => [k, cells(row!)[i]]));
    expect([csv.total || null, csv.rated, csv.band || null]).toEqual([
      r.total === null ? null : String(r.total),
      String(r.rated),
      r.band?.id ?? null,
    ]);
    for (const it of r.items) expect(csv[it.code], it.code).toBe(it.score === null ? '' : String(it.score));
    // PDFs of the other reviews: test/e2e/reports-agree.test.ts.
    if (!file.includes('jardins')) return;
    const out = join(dir, 'review.pdf');
    run(['report', file, '-o', out, '-q', '--lang', 'en']);
    const pdf = await pdfText(out);
    if (r.total !== null) expect(pdf).toContain(`${r.total} / ${r.max}`);
    for (const s of r.sections) expect(pdf).toContain(`${s.rated}/${s.items}`);
  });
});

describe('score: JSON and CSV agree for every ratings table', () => {
  it.each(readdirSync(fixture('ratings')).map((f) => fixture('ratings', f)))('%s', (file) => {
    const reviews = JSON.parse(run(['score', file, '--format', 'json'])).reviews;
    const rows: Record<string, string>[] = parse(run(['score', file, '--format', 'csv']), { columns: true });
    expect(rows.map((r) => [r.program, r.date, r.total || null, r.band || null, r.rated])).toEqual(
      reviews.map((r: any) => [r.program.name, r.date, r.total === null ? null : String(r.total), r.band?.id ?? null, String(r.rated)]),
    );
    rows.forEach((row, k) => {
      for (const it of reviews[k].items)
        expect(row[it.code], `${reviews[k].program.name} ${it.code}`).toBe(it.score === null ? '' : String(it.score));
    });
  });
});

describe('one number for one thing', () => {
  it.each(['harbour', 'jardins'])('days to first employer contact in outcomes is V4 of score over the same period (%s)', (program) => {
    const folder = fixture('programs', program);
    const c = JSON.parse(run(['outcomes', folder, '--format', 'json'])).measures.daysToFirstContact;
    const v4 = JSON.parse(run(['score', folder, '--format', 'json'])).reviews[0].items.find((i: any) => i.code === 'V4');
    expect(c.late).toBeGreaterThan(0); // people without a contact yet are in both numbers
    expect([Math.round(c.mean * 10) / 10, c.n]).toEqual([v4.evidence.value, v4.evidence.n]);
    expect(flat(run(['outcomes', folder, '--format', 'markdown', '--lang', 'en']))).toContain(`mean ${v4.evidence.value.toFixed(1)} days`);
  });
  it('the outcome report method states the convention and the suppression in use', async () => {
    const out = join(dir, 'grow.pdf');
    run(['outcomes', fixture('programs', 'harbour'), '--convention', 'ips-grow', '--min-cell', '0', '--pdf', out, '-q', '--lang', 'en']);
    const grow = await pdfText(out);
    expect(grow).toContain(
      "IPS Grow counting: people already working at entry are left out, a job counts from the day its paid hours reach 4, and IPS Grow's 40% benchmark",
    );
    expect(grow).toContain('No cell is suppressed in this report (minimum cell size 0)');
    expect(grow).not.toContain('31%, 41%, 50%');
    const standard = await pdfText(join(dir, 'jardins-fr.pdf')); // written by the jardins (fr) test above
    expect(standard).toContain("Les repères (IPS Employment Center : 31 %, 41 %, 50 %) ne s'appliquent qu'aux trimestres civils entiers");
    expect(standard).toContain("d'autres cases s'affichent « masqué » partout où la petite pourrait sinon se déduire des totaux affichés");
  });
});
