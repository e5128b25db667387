// End to end: validate, scales, init, and the exit codes CI pipelines rely on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spawn } from 'node:child_process';
import { BIN, cli, fixture, tempDir } from '../helpers.js';

const broken = (f: string) => fixture('broken', f);

describe('validate', () => {
  it('accepts every good fixture', () => {
    const files = ['reviews/jardins-emploi-2026.yaml', 'reviews/partial-review.yaml', 'ratings/reseau-sud-2026.csv', 'ratings/sites-wide.csv'].map(
      (f) => fixture(...f.split('/')),
    );
    // In English: without --lang, the French review among them would make the summary French.
    const r = cli(['validate', ...files, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('reseau-sud-2026.csv: valid · 4 reviews, 96 rated items');
  });
  it('lists every problem of a broken review with line and column, then exits 2', () => {
    const r = cli(['validate', broken('bad-review.yaml')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.includes(': error: '));
    const f = broken('bad-review.yaml');
    expect(lines).toEqual([
      `${f}:6:9: error: this date does not exist (at review.date, value "31/02/2026")`,
      `${f}:10:15: error: the observed value of S1 must be a number (at S1.value, value "dix-huit")`,
      `${f}:11:7: error: a score must be a whole number from 1 to 5 (at S2.score, value "6")`,
      `${f}:12:15: error: a score must be a whole number from 1 to 5 (at S3.score, value "4,5")`,
      `${f}:13:18: error: item S1 is rated twice (also as "S1") (at items, value "caseload-size")`,
      `${f}:14:25: error: unknown element of O2; known elements: a, b, c, d, e (at O2.elements.2, value "z")`,
      `${f}:15:15: error: O3 takes a score (or its checklist elements), not an observed value (at O3.value, value "40")`,
      `${f}:16:15: error: V7 takes a score (or its checklist elements), not an observed value (at V7.value, value "3")`,
      `${f}:17:16: error: V10 is a percentage: expected a number from 0 to 100 (at V10.value, value "120")`,
      `${f}:18:7: error: unknown item "Q9" in scale ips-25 (at items)`,
    ]);
    expect(r.stdout).toContain('bad-review.yaml: 10 errors');
  });
  it('lists every problem of a broken ratings table with line and column', () => {
    const r = cli(['validate', broken('bad-ratings.csv')]);
    expect(r.code).toBe(2);
    const f = broken('bad-ratings.csv');
    expect(r.stderr).toContain(`${f}:3:4: error: a score must be a whole number from 1 to 5 (column score, value "6")`);
    expect(r.stderr).toContain(`${f}:4:3: error: unknown item "X7" in scale ips-25 (column item)`);
    expect(r.stderr).toContain(
      `${f}:5:2: error: month above 12: dates are read as DD/MM/YYYY (day first), never MM/DD/YYYY (column date, value "04/13/2026")`,
    );
    expect(r.stderr).toContain(`${f}:6:4: error: a score must be a whole number from 1 to 5 (column score, value "4.5")`);
    expect(r.stderr).toContain(`${f}:7:3: error: item S1 is rated twice for this review (first on line 2) (column item)`);
  });
  it.each([
    ['empty.csv', ': error: the file is empty'],
    ['header-only.csv', ':1: error: the table has a header line but no rows'],
    ['missing-date-column.csv', ':1: error: required column "date" is missing'],
    ['unbalanced-quotes.csv', ':2:5: error: malformed CSV: a quoted field starts here and is never closed'],
    ['not-yaml.yaml', ':3:1: error: invalid YAML: '],
  ])('%s: exit 2 with "%s"', (file, message) => {
    for (const cmd of ['validate', 'score']) {
      const r = cli([cmd, broken(file)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(broken(file) + message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
  it('rejects binary data and files that do not exist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'image.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(cli(['validate', join(dir, 'image.csv')]).stderr).toContain('this is not a text file (binary data)');
    const r = cli(['score', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: error: no such file');
  });
  it('reports problems in French with --lang fr', () => {
    const r = cli(['validate', broken('bad-ratings.csv'), '--lang', 'fr']);
    expect(r.stderr).toContain(':3:4: erreur: une cote doit être un nombre entier de 1 à 5 (colonne score, valeur « 6 »)');
  });
  it('annotates problems for GitHub Actions', () => {
    const r = cli(['validate', broken('bad-ratings.csv'), '--reporter', 'github']);
    expect(r.stdout).toMatch(/^::error file=.*bad-ratings\.csv,line=3,col=4::a score must be a whole number/m);
  });
  it('warns about unknown columns without failing', () => {
    const dir = tempDir();
    const f = join(dir, 'extra.csv');
    writeFileSync(f, 'program,date,item,score,reviewer_mood\nHarbour,2026-01-01,S1,4,fine\n');
    const r = cli(['validate', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${f}:1:5: warning: unknown column "reviewer_mood" ignored`);
  });
  it('explains a broken user scale, every problem at its line', () => {
    const r = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--scale', broken('bad-scale.yaml')]);
    expect(r.code).toBe(2);
    const f = broken('bad-scale.yaml');
    expect(r.stderr).toContain(`${f}:18:14: error: item S1 has no anchor for score 4`);
    expect(r.stderr).toContain(`${f}:19:12: error: the last rule of S1 must have no condition`);
    expect(r.stderr).toContain(`${f}:28:20: error: elementScores of S2 needs 3 entries`);
    expect(r.stderr).toContain(`${f}:10:21: error: band fair: bands must be listed from the highest minimum down`);
  });
});

describe('a user scale and framework', () => {
  it('scores with a custom scale file and a custom principle mapping', () => {
    const dir = tempDir();
    const scale = join(dir, 'mini.yaml');
    writeFileSync(
      scale,
      `id: mini
name: {en: Mini grid, fr: Mini grille}
version: "1"
scoreRange: {min: 1, max: 5}
sections: [{id: all, code: A, name: {en: All}}]
bands: [{id: good, min: 8, label: {en: Good}}, {id: fair, min: 5, label: {en: Fair}}, {id: not-se, min: 0, label: {en: Weak}}]
items:
  - {id: caseload, code: A1, section: all, kind: ratio, name: {en: Caseload}, criterion: {en: Clients per specialist},
     anchors: {"1": {en: a}, "2": {en: b}, "3": {en: c}, "4": {en: d}, "5": {en: e}}, rules: [{max: 15, score: 5}, {below: 30, score: 3}, {score: 1}]}
  - {id: outreach, code: A2, section: all, kind: ordinal, name: {en: Outreach}, criterion: {en: Outreach},
     anchors: {"1": {en: a}, "2": {en: b}, "3": {en: c}, "4": {en: d}, "5": {en: e}}}
`,
    );
    const principles = join(dir, 'p.yaml');
    writeFileSync(
      principles,
      `id: two\nname: {en: Two}\nprinciples:\n  - {id: p1, label: {en: First}, items: [caseload]}\n  - {id: p2, label: {en: Second}, items: [outreach]}\n`,
    );
    const review = join(dir, 'r.csv');
    writeFileSync(review, 'program,date,item,score,value\nTiny,2026-05-01,A1,,29.9\nTiny,2026-05-01,Outreach,4,\n');
    const r = cli(['score', review, '--scale', scale, '--principles', principles, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout).reviews[0];
    expect(out).toMatchObject({ scale: 'mini', total: 7, max: 10, band: { id: 'fair' } });
    expect(out.principles.map((p: { id: string; mean: number }) => [p.id, p.mean])).toEqual([
      ['p1', 3],
      ['p2', 4],
    ]);
  });
});

describe('scales', () => {
  it('lists the built-in scales and frameworks', () => {
    const r = cli(['scales']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ips-25 +.+ +25 +25–125/);
    expect(r.stdout).toMatch(/ips-15 +.+ +15 +15–75/);
    expect(r.stdout).toContain('--principles 9');
  });
  it('shows every item with its anchors, in French on request', () => {
    const r = cli(['scales', 'ips-25', '--lang', 'fr']);
    expect(r.code).toBe(0);
    for (const code of ['S1', 'O8', 'V14']) expect(r.stdout).toMatch(new RegExp(`^${code} `, 'm'));
    expect(r.stdout).toContain('Fidélité exemplaire ≥ 115');
    const v6 = cli(['scales', 'ips-25', '--item', 'V6']);
    expect(v6.stdout).toContain('≥ 6');
    expect(v6.stdout).toContain('contact-log-reviewed-weekly');
    expect(v6.stdout).not.toContain('V7 ');
  });
  it('shows a framework and rejects an unknown scale with exit 2', () => {
    expect(cli(['scales', '9', '--lang', 'fr']).stdout).toContain('Disponibilité');
    const r = cli(['scales', 'ips-99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ips-99: error: no built-in scale or framework of that name, and no such file (built-in: ips-25, ips-15)');
  });
});

describe('init', () => {
  it('writes a ready-to-fill review and CSV templates that the tool reads back', () => {
    const dir = join(tempDir(), 'new-review');
    const r = cli(['init', dir]);
    expect(r.code).toBe(0);
    const review = parse(readFileSync(join(dir, 'review.yaml'), 'utf8'));
    expect(Object.keys(review.items)).toHaveLength(25);
    expect(readFileSync(join(dir, 'records', 'participants.csv'), 'utf8')).toBe(
      'id,entry_date,exit_date,exit_reason,specialist,team,first_employer_contact,working_at_entry,referral_source,from_esat\r\n',
    );
    for (const f of ['jobs.csv', 'contacts.csv', 'staff.csv', 'program.yaml']) expect(existsSync(join(dir, 'records', f)), f).toBe(true);
    expect(readFileSync(join(dir, 'ratings-wide.csv'), 'utf8').split('\r\n')[0]).toBe(
      'program,program_id,site,date,type,S1,S2,S3,O1,O2,O3,O4,O5,O6,O7,O8,V1,V2,V3,V4,V5,V6,V7,V8,V9,V10,V11,V12,V13,V14',
    );
    // Filled in, the template scores.
    const filled = readFileSync(join(dir, 'review.yaml'), 'utf8')
      .replace('"YYYY-MM-DD"', '"2026-06-30"')
      .replace('period: {from: "YYYY-MM-DD", to: "YYYY-MM-DD"}', 'period: {from: "2026-01-01", to: "2026-06-30"}')
      .replace(/^  (S1|O3):.*$/gm, '  $1: 4');
    writeFileSync(join(dir, 'review.yaml'), filled);
    const s = cli(['score', join(dir, 'review.yaml'), '--format', 'json']);
    expect(s.stderr).toBe('');
    expect(JSON.parse(s.stdout).reviews[0]).toMatchObject({ rated: 2, complete: false, total: null });
  });
  it('writes French templates with --lang fr and never overwrites without --force', () => {
    const dir = join(tempDir(), 'revue');
    expect(cli(['init', dir, '--lang', 'fr']).code).toBe(0);
    expect(existsSync(join(dir, 'revue.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'cotations-long.csv'), 'utf8')).toMatch(
      /^\uFEFFprogramme;identifiant_programme;site;date;type;item;cotation;valeur;commentaire\r\n/,
    ); // Excel-style in French
    expect(readFileSync(join(dir, 'revue.yaml'), 'utf8')).toContain('Taille de la file active');
    expect(readFileSync(join(dir, 'records', 'emplois.csv'), 'utf8')).toMatch(
      /^\uFEFFparticipant;employeur;type_emploi;date_debut;date_fin;heures_semaine;salaire_horaire;contrat;competitif\r\n$/,
    );
    expect(existsSync(join(dir, 'records', 'personnel.csv'))).toBe(true);
    const again = cli(['init', dir, '--lang', 'fr']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("existe déjà ; --force pour l'écraser");
    expect(cli(['init', dir, '--lang', 'fr', '--force']).code).toBe(0);
  });
});

describe('command line and exit codes', () => {
  it('prints the version and help with examples and exit codes', () => {
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = cli(['score', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    expect(cli(['--help']).stdout).toContain('Exit codes:');
    expect(cli(['--help', '--lang', 'fr']).stdout).toContain('Codes de sortie');
  });
  it('exits 2 on command-line mistakes', () => {
    expect(cli(['score']).code).toBe(2);
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--format', 'pdf']).code).toBe(2);
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--bogus']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
  });
});

describe('output order and pipes', () => {
  it('gives the wide CSV the same columns whatever the order of the files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'zeta.yaml'), 'program: {name: Zeta}\nreview: {date: 2026-01-10}\nscale: ips-25\nitems: {S1: {score: 4}}\n');
    writeFileSync(join(dir, 'alpha.yaml'), 'program: {name: Alpha}\nreview: {date: 2026-01-10}\nscale: ips-15\nitems: {S1: {score: 3}}\n');
    const ab = cli(['score', join(dir, 'alpha.yaml'), join(dir, 'zeta.yaml'), '--format', 'csv']);
    const ba = cli(['score', join(dir, 'zeta.yaml'), join(dir, 'alpha.yaml'), '--format', 'csv']);
    expect(ab.code).toBe(0);
    expect(ba.stdout).toBe(ab.stdout);
  });
  it('stops quietly when the reader closes the pipe (| head), with the status of SIGPIPE', async () => {
    // 300 reviews: about 5 MB of JSON, far more than a pipe holds.
    const codes = 'S1 S2 S3 O1 O2 O3 O4 O5 O6 O7 O8 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14'.split(' ');
    const file = join(tempDir(), 'network.csv');
    writeFileSync(
      file,
      [
        `program,date,${codes.join(',')}`,
        ...Array.from({ length: 300 }, (_, i) => `Site ${i},2026-01-15,${codes.map((_, k) => 1 + ((i + k) % 5)).join(',')}`),
      ].join('\n') + '\n',
    );
    const child = spawn(process.execPath, [BIN, 'score', file, '--format', 'json'], { env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(141);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stderr).not.toContain('EPIPE');
  });
});
