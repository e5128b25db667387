// The review cycle (issue 15, items 1–3): findings and recommendations, the action plan, `plan`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { z } from 'zod';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';
import { jsonSchemaOf } from '../../src/contract/index.js';

const ateliers = [fixture('reviews', 'ateliers-2025.yaml'), fixture('reviews', 'ateliers-2026.yaml')];
const lakeside = [fixture('reviews', 'lakeside-2025.yaml'), fixture('reviews', 'lakeside-2026.yaml')];

describe('findings and recommendations', () => {
  it('score --detail shows the finding, the reviewers’ recommendation and the computed one', () => {
    const r = cli(['score', lakeside[1]!, '--detail']);
    expect(r.code).toBe(0);
    const out = r.stdout.replace(/\s*\n\s*/g, ' ');
    expect(out).toContain('Findings and recommendations');
    expect(out).toContain('Finding: No benefits planner; ES give general advice only');
    expect(out).toContain("Reviewers' recommendation: Refer every client to a certified benefits planner before a job start");
    expect(out).toContain('Computed: S1: 24 clients/FTE; ≤ 20 for a 5');
    // Without --detail (one review), the section is not added.
    expect(cli(['score', lakeside[1]!]).stdout).not.toContain('Findings and recommendations');
  });
  it('names the missing elements by their text, in French', () => {
    const r = cli(['score', ateliers[1]!, '--detail', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("O2 : pas en place : le bureau du conseiller est proche de l'équipe de soins ou partagé avec elle (élément d)");
    expect(r.stdout).toContain('V4 : 42 jours ; ≤ 30 pour un 5');
    expect(r.stdout).toContain('Constat : Aucune rencontre programmée avec France Travail ni Cap emploi');
  });
  it('JSON carries finding, recommendation and the computed recommendation per item', () => {
    const r = JSON.parse(cli(['score', lakeside[1]!, '--format', 'json']).stdout).reviews[0];
    const byCode = Object.fromEntries(r.items.map((i: any) => [i.code, i]));
    expect(byCode.V1).toMatchObject({
      finding: 'No benefits planner; ES give general advice only',
      recommendation: 'Refer every client to a certified benefits planner before a job start',
    });
    expect(byCode.S1.computedRecommendation).toEqual(['S1: 24 clients/FTE; ≤ 20 for a 5']);
    expect(byCode.S1.finding).toBeNull();
    // At the maximum: nothing to recommend.
    expect(byCode.V13.computedRecommendation).not.toBeNull();
    const fr = JSON.parse(cli(['score', ateliers[1]!, '--format', 'json']).stdout).reviews[0];
    expect(fr.items.find((i: any) => i.code === 'S1').computedRecommendation).toBeNull();
  });
  it('reads finding and recommendation columns of a ratings table (French headers)', () => {
    const dir = tempDir();
    const f = join(dir, 'cotations.csv');
    writeFileSync(
      f,
      'programme,date,item,cotation,commentaire,constat,recommandation\nÉlan,22/01/2026,S1,3,note,File active trop lourde,Recruter un conseiller\nÉlan,22/01/2026,V1,,,Pas de conseil sur les prestations,\n',
    );
    const r = JSON.parse(cli(['score', f, '--format', 'json']).stdout).reviews[0];
    const byCode = Object.fromEntries(r.items.map((i: any) => [i.code, i]));
    expect(byCode.S1).toMatchObject({ score: 3, note: 'note', finding: 'File active trop lourde', recommendation: 'Recruter un conseiller' });
    // A finding alone: kept, the item stays unrated.
    expect(byCode.V1).toMatchObject({ score: null, finding: 'Pas de conseil sur les prestations' });
  });
});

describe('the action plan in the input', () => {
  it('reads YAML actions with French keys and values, and an actions table with French headers', () => {
    const dir = tempDir();
    const ratings = join(dir, 'ratings.csv');
    writeFileSync(ratings, 'program,program_id,date,item,score\nTest,X-1,2026-02-10,S1,4\nTest,X-1,2026-02-10,V1,2\n');
    const actions = join(dir, 'actions.csv');
    writeFileSync(
      actions,
      'item,action,responsable,échéance,statut\nV1,Former les job coachs,Coordinatrice,30/06/2026,en cours\nS1,Recruter,Direction,2026-12-31,réalisée\n',
    );
    // English output asked for: French headers alone would make the output French.
    const r = cli(['plan', ratings, actions, '--format', 'json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout).programs[0];
    const all = plan.items.flatMap((i: any) => i.actions);
    expect(all).toEqual([
      { item: 'S1', action: 'Recruter', owner: 'Direction', due: '2026-12-31', status: 'done', statusLabel: 'done' },
      { item: 'V1', action: 'Former les job coachs', owner: 'Coordinatrice', due: '2026-06-30', status: 'in-progress', statusLabel: 'in progress' },
    ]);
    expect(cli(['validate', ratings, actions, '--lang', 'en']).stdout).toContain('actions.csv: valid · 2 actions');
    expect(cli(['validate', ratings, actions]).stdout).toContain('actions.csv : valide · 2 actions');
  });
  it('reads an actions sheet of a workbook beside its ratings sheet', async () => {
    const f = join(tempDir(), 'revue.xlsx');
    const v = (value: string | number) => ({ value });
    await writeFileSync(
      f,
      await writeXlsxFile([
        { sheet: 'Cotations', data: [['programme', 'date', 'item', 'cotation'].map(v), [v('Élan'), v('22/01/2026'), v('V1'), v(2)]] },
        {
          sheet: 'Actions',
          data: [
            ['item', 'action', 'responsable', 'échéance', 'statut'].map(v),
            [v('V1'), v('Former'), v('Coordinatrice'), v('30/06/2026'), v('prévue')],
          ],
        },
      ]).toBuffer(),
    );
    const r = cli(['plan', f, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Élan,,2026-01-22,plan,V1,2,5,,,');
    expect(r.stdout).toContain(',Former,Coordinatrice,2026-06-30,planned,,,');
  });
  it('reports a bad status, a bad date and an unknown item with line and column, all at once (YAML)', () => {
    const f = join(tempDir(), 'bad.yaml');
    writeFileSync(
      f,
      [
        'lang: en',
        'program: {id: X-1, name: Test}',
        'review: {date: 2026-02-10}',
        'items:',
        '  S1: 4',
        'actions:',
        '  - {item: V1, action: "Train", owner: Coord, due: 2026-13-45, status: planned}',
        '  - {item: Z9, action: "Nothing", status: done}',
        '  - {item: V2, action: "Do it", due: 30/06/2026, status: maybe}',
        '',
      ].join('\n'),
    );
    const r = cli(['plan', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:7:52: error: this date does not exist (at actions[1].due, value "2026-13-45")`);
    expect(r.stderr).toContain(`${f}:8:12: error: unknown item "Z9" in scale ips-25 (at actions[2].item)`);
    expect(r.stderr).toContain(`${f}:9:58: error: unknown action status: expected one of planned, in-progress, done, dropped`);
    expect(r.stderr).toContain('value "maybe"');
  });
  it('reports the same in an actions table, at line and column, with exit 2', () => {
    const dir = tempDir();
    const ratings = join(dir, 'ratings.csv');
    writeFileSync(ratings, 'program,date,item,score\nTest,2026-02-10,S1,4\nOther,2026-02-11,S1,3\n');
    const actions = join(dir, 'actions-2026.csv');
    writeFileSync(
      actions,
      'program,item,action,owner,due,status\nTest,V1,Train,Coord,31/02/2026,planned\nTest,Q7,Nothing,,,done\nTest,V2,Do it,,,bof\n,V3,Whose?,,,\nNobody,V4,Lost,,,\n',
    );
    const r = cli(['validate', ratings, actions]);
    expect(r.code).toBe(2);
    // validate reads one file at a time: the rows are checked on their own.
    expect(r.stderr).toContain(`${actions}:2:5: error: this date does not exist (column due, value "31/02/2026")`);
    expect(r.stderr).toContain(`${actions}:3:2: error: unknown item "Q7" in scale ips-25 (column item)`);
    expect(r.stderr).toContain(`${actions}:4:6: error: unknown action status`);
    const p = cli(['plan', ratings, actions]);
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    // plan joins them to the reviews: a row without a program, with two programs in the input, and a program not in it.
    expect(p.stderr).toContain(`${actions}:5:1: error: this action names no program, and the input holds 2 programs`);
    expect(p.stderr).toContain(`${actions}:6:1: error: no review in the input matches this action (program Nobody, date -)`);
    expect(p.stderr).toContain(`${actions}:2:5: error: this date does not exist`);
  });
});

describe('plan', () => {
  it('lists the items below the maximum, those with no action first, with recommendation and actions', () => {
    const r = cli(['plan', lakeside[1]!]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    const flat = out.replace(/\s*\n\s*/g, ' ');
    expect(flat).toContain('Action plan: Lakeside Supported Employment — Duluth Behavioral Health (LK-MN-008)');
    expect(out).toContain('3 actions: 1 planned, 1 in progress, 1 done, 0 dropped');
    // S2 (no action) comes before S1 and V1 (with actions), whatever the scale order.
    expect(out.indexOf('S2 ')).toBeLessThan(out.indexOf('S1 '));
    expect(out.indexOf('V14 ')).toBeLessThan(out.indexOf('S1 '));
    expect(out.indexOf('S1 ')).toBeLessThan(out.indexOf('V1 '));
    expect(flat).toContain('Action: Contract a certified benefits planner — Program director, due 2026-06-30 (planned)');
    expect(flat).toContain('No action yet');
    // Items at their maximum are not listed (ateliers-2026: S1, S3, O1 … at 5).
    const top = cli(['plan', ateliers[1]!]).stdout;
    expect(top).not.toMatch(/ 5\/5$/m);
    expect(top).not.toMatch(/^S1 /m);
    expect(top).toMatch(/^S2 /m);
  });
  it('follows up the earlier review’s actions at the later one: done, still open, overdue, dropped, and the score move', () => {
    const j = JSON.parse(cli(['plan', ...ateliers, '--format', 'json']).stdout);
    expect(j.programs).toHaveLength(1);
    const step = j.programs[0].followUps[0];
    expect(step).toMatchObject({ from: '2025-03-20', to: '2026-03-12', counts: { done: 2, open: 1, overdue: 1, dropped: 1 } });
    const fate = Object.fromEntries(step.actions.map((a: any) => [a.item, [a.fate, a.status, a.score.from, a.score.to, a.relisted]]));
    expect(fate).toEqual({
      V1: ['overdue', 'in-progress', 2, 2, true],
      O2: ['done', 'done', 3, 4, true],
      V6: ['done', 'done', 3, 3, true],
      O3: ['open', 'planned', 2, 2, false],
      V13: ['dropped', 'dropped', 2, 2, true],
    });
    const fr = cli(['plan', ...ateliers, '--lang', 'fr']).stdout;
    expect(fr).toContain('Actions de la revue du 20/03/2025, à la revue du 12/03/2026');
    expect(fr).toContain('5 actions : 2 réalisées, 1 toujours en cours, 1 en retard, 1 annulée');
    expect(fr).toMatch(/O2 +Installer le .*réalisée +3 → 4 \(\+1\)/);
  });
  it('writes Markdown and CSV, and JSON that its shipped schema (generated from the zod contract) validates', () => {
    const md = cli(['plan', ...lakeside, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Action plan: Lakeside Supported Employment');
    expect(md.stdout).toContain(
      '| V3 | Write a vocational profile with each client within a month | Employment specialists | 2025-04-30 | overdue | 2 → 3 (+1) |',
    );
    const csv = cli(['plan', ...lakeside, '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toBe(
      'program,program_id,review_date,part,item,score,max,finding,recommendation,computed_recommendation,action,owner,due,status,earlier_review,earlier_score,outcome',
    );
    expect(csv).toContain(
      "Lakeside Supported Employment,LK-MN-008,2026-02-10,follow-up,O2,3,5,,,,Move the ES desks to the treatment team's floor,Program director,2026-12-31,dropped,2025-02-12,3,dropped",
    );
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchemaOf('plan'))));
    const out = JSON.parse(cli(['plan', ...lakeside, ...ateliers, fixture('reviews', 'riverside-2026.yaml'), '--format', 'json']).stdout);
    expect(out.programs).toHaveLength(3);
    const check = z.fromJSONSchema(shipped).safeParse(out);
    expect(check.success, JSON.stringify(check.error?.issues.slice(0, 2))).toBe(true);
    // Deterministic: the same input gives the same bytes.
    expect(cli(['plan', ...lakeside, '--format', 'json']).stdout).toBe(cli(['plan', ...lakeside, '--format', 'json']).stdout);
  });
  it('round trip: what init writes, validate accepts and plan reads back (English and French)', () => {
    for (const lang of ['en', 'fr']) {
      const dir = join(tempDir(), `new-${lang}`);
      expect(cli(['init', dir, '--lang', lang]).code).toBe(0);
      const review = join(dir, lang === 'fr' ? 'revue.yaml' : 'review.yaml');
      const actions = join(dir, 'actions.csv');
      const header = readFileSync(actions, 'utf8');
      expect(header).toBe(lang === 'fr' ? '\ufeffitem;action;responsable;échéance;statut\r\n' : 'item,action,owner,due,status\r\n');
      // The empty template is valid as it is, and said so in its own language without --lang.
      expect(cli(['validate', actions, '--lang', lang]).code).toBe(0);
      expect(cli(['validate', actions]).stdout).toContain(lang === 'fr' ? 'valide · 0 action (tableau de plan' : 'valid · 0 actions (an action plan');
      // Filled in: a date, two ratings, one action in the table, one in the YAML (the commented example, uncommented).
      const text = readFileSync(review, 'utf8')
        .replace(lang === 'fr' ? '"JJ/MM/AAAA"' : '"YYYY-MM-DD"', '"2026-06-30"')
        .replace(/period: \{from: "[^"]*", to: "[^"]*"\}/, 'period: {from: "2026-01-01", to: "2026-06-30"}')
        .replace(/^  (S1|V1):.*$/gm, '  $1: 3')
        .replace(/^# actions:$/m, 'actions:')
        .replace(/^#   - \{item: V1/m, '  - {item: V1');
      writeFileSync(review, text);
      writeFileSync(
        actions,
        header +
          (lang === 'fr' ? 'S1;Recruter un conseiller;Direction;31/12/2026;prévue\r\n' : 'S1,Hire a specialist,Director,2026-12-31,planned\r\n'),
      );
      const v = cli(['validate', review, actions, '--lang', lang]);
      expect(v.stderr).toBe('');
      expect(v.code).toBe(0);
      const plan = JSON.parse(cli(['plan', review, actions, '--format', 'json', '--lang', lang]).stdout).programs[0];
      const acts = plan.items.flatMap((i: any) => i.actions.map((a: any) => [a.item, a.status]));
      expect(acts).toEqual([
        ['S1', 'planned'],
        ['V1', 'planned'],
      ]);
    }
  });
});

describe('the review cycle in the report and the plan (issue 15, items 4 and 5)', () => {
  it('plan and the PDF show the next review and the action plan of the latest review', async () => {
    const { extractText, getDocumentProxy } = await import('unpdf');
    // plan: the next review that checks the plan (six months below good fidelity, by the default policy).
    const plan = cli(['plan', ...lakeside, '--lang', 'en']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Next review due 2026-08-10: 6 months after this review (policy default)');
    expect(JSON.parse(cli(['plan', ...lakeside, '--format', 'json']).stdout).programs[0].nextReview).toMatchObject({ date: '2026-08-10', months: 6 });
    // The report of the later review: page 1 gives the plan's state and the next review; the plan in full follows.
    const out = join(tempDir(), 'ateliers.pdf');
    expect(cli(['report', ...ateliers, '-o', out]).code).toBe(0);
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(out)));
    const pages = (await extractText(doc, { mergePages: false })).text as string[];
    expect(pages[0]).toContain("Plan d'action");
    expect(pages[0]).toMatch(/2 réalisées · 1 en cours · 1 en retard/);
    expect(pages[0]).toContain('Prochaine évaluation');
    expect(pages[0]).toContain('12/03/2027');
    expect(pages.join('\n')).toContain('Installer le bureau des job coachs');
  });
});
