// End to end: the reviewer toolkit of the scale files: `scales ID --item CODE` in both languages and
// every format, scales without a toolkit, toolkit errors, and what `init` writes from it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadScale } from '../../src/read/data-files.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();

describe('the toolkit data of the built-in scales', () => {
  it.each(['ips-25', 'ips-15'])('%s: every item has a toolkit, in English and French, naming known roles', (id) => {
    const scale = loadScale(id);
    const roles = new Set(scale.roles.map((r) => r.id));
    for (const item of scale.items) {
      const t = item.toolkit;
      expect(t, item.code).toBeDefined();
      expect(t!.lookFor.length, item.code).toBeGreaterThan(0);
      expect(t!.interviews.length, item.code).toBeGreaterThan(0);
      const texts = [...t!.lookFor, ...t!.interviews.flatMap((i) => i.ask), ...t!.records, ...t!.observation, ...t!.documents];
      for (const x of texts) expect(x.fr, `${item.code}: ${x.en}`).toBeTruthy();
      for (const iv of t!.interviews) expect(roles.has(iv.role), `${item.code} ${iv.role}`).toBe(true);
    }
    expect(scale.toolkitSource?.en).toContain(
      'Becker, D. R., Swanson, S. J., Reese, S. L., Bond, G. R., & McLeman, B. M. (2019). Supported Employment Fidelity Review Manual',
    );
  });
  it('IPS-15 takes the IPS-25 toolkit by reference (same id, or toolkitRef)', () => {
    const [ips25, ips15] = [loadScale('ips-25'), loadScale('ips-15')];
    const of = (s: typeof ips25, id: string) => s.items.find((i) => i.id === id)!.toolkit;
    expect(of(ips15, 'caseload-size')).toEqual(of(ips25, 'caseload-size'));
    expect(of(ips15, 'follow-along-supports')).toEqual(of(ips25, 'individualized-follow-along'));
    expect(readFileSync(join(ROOT, 'scales', 'ips-15.yaml'), 'utf8')).toContain('toolkitFrom: ips-25');
  });
});

describe('scales ips-25 --item V6 shows the toolkit', () => {
  it('in English and French, terminal and Markdown', () => {
    const en = cli(['scales', 'ips-25', '--item', 'V6', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Reviewer toolkit for V6');
    expect(en.stdout).toContain('Ask: Employment specialists');
    expect(en.stdout).toContain('How many employers did you meet in person');
    expect(en.stdout).toContain('Documents to request');
    const fr = cli(['scales', 'ips-25', '--item', 'V6', '--lang', 'fr', '--format', 'markdown']);
    expect(fr.stdout).toContain('## Boîte à outils des évaluateurs pour V6');
    expect(fr.stdout).toContain(
      "| Questions : Conseillers en emploi accompagné | Combien d'employeurs avez-vous rencontrés en personne la semaine dernière ? |",
    );
    expect(fr.stdout).toContain('| Documents à demander | Registres des contacts employeurs du dernier mois, par conseiller |');
    expect(fr.stdout).toContain('Supported Employment Fidelity Review Manual (4th ed.)');
  });
  it('in JSON: the item with its toolkit and the roles it names', () => {
    const json = JSON.parse(cli(['scales', 'ips-25', '--item', 'V6', '--format', 'json']).stdout);
    expect(json.scale.id).toBe('ips-25');
    expect(json.item.code).toBe('V6');
    expect(json.item.toolkit.interviews.map((i: { role: string }) => i.role)).toEqual(['specialists', 'leader']);
    expect(json.roles.map((r: { id: string }) => r.id).sort()).toEqual(['leader', 'specialists']);
    expect(json.toolkitSource.fr).toContain('Becker');
  });
});

describe('a scale without a toolkit, and toolkit errors', () => {
  const base = parse(readFileSync(join(ROOT, 'scales', 'ips-25.yaml'), 'utf8'));
  it('a user scale without any toolkit still loads; --item says there is none, init writes no toolkit files', () => {
    const bare = { ...base, id: 'bare', items: base.items.map(({ toolkit: _t, ...it }: { toolkit: unknown }) => it) };
    delete bare.roles;
    delete bare.toolkitSource;
    const file = join(dir, 'bare.yaml');
    writeFileSync(file, stringify(bare));
    const r = cli(['scales', file, '--item', 'V6', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('This scale has no reviewer toolkit for this item.');
    // init with it writes no toolkit files.
    const target = join(dir, 'bare-init');
    expect(cli(['init', target, '--scale', file]).code).toBe(0);
    expect(existsSync(join(target, 'data-request.md'))).toBe(false);
  });
  it('an interview role the scale does not define: line and column, exit 2', () => {
    const text = readFileSync(join(ROOT, 'scales', 'ips-25.yaml'), 'utf8').replace('        - role: leader\n', '        - role: boss\n');
    const file = join(dir, 'bad-role.yaml');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l === '        - role: boss') + 1;
    const r = cli(['scales', file, '--item', 'S1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:${line}:17: error: unknown interview role "boss": the scale's roles are leader, specialists, clinicians, executive, participants, employers, vr-counselor, benefits`,
    );
  });
});

describe('init writes the pre-visit data request and the two-day visit schedule', () => {
  it('in English', () => {
    const target = join(dir, 'en');
    const r = cli(['init', target]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(target, 'data-request.md'));
    const request = readFileSync(join(target, 'data-request.md'), 'utf8');
    expect(request).toMatch(/^# Fidelity review: documents to send before the visit\n/);
    expect(request).toContain('| ☐ | Employer contact logs of the last month, per specialist | V6 |');
    // A document several items need is asked for once, with all of them.
    expect(request).toContain('| ☐ | Diaries or timesheets of the last month | S2, V13 |');
    expect(request).toContain('| Employment specialists | 1 | 90 |');
    const schedule = readFileSync(join(target, 'visit-schedule.md'), 'utf8');
    expect(schedule).toContain('## Day 1');
    expect(schedule).toContain('## Day 2');
    expect(schedule).toContain('| 09:45–10:45 | Interview: IPS supervisor or team leader |');
    expect(schedule).toContain('| 12:15–13:15 | Lunch |  |');
    expect(schedule).toContain('| Accompany a specialist on an employer visit. | V7 |');
  });
  it('in French, for IPS-25 and IPS-15', () => {
    const target = join(dir, 'fr');
    expect(cli(['init', target, '--lang', 'fr']).code).toBe(0);
    const request = readFileSync(join(target, 'demande-de-documents.md'), 'utf8');
    expect(request).toMatch(/^# Revue de fidélité : documents à envoyer avant la visite\n/);
    expect(request).toContain('| ☐ | Registres des contacts employeurs du dernier mois, par conseiller | V6 |');
    const schedule = readFileSync(join(target, 'programme-de-visite.md'), 'utf8');
    expect(schedule).toContain('## Jour 1');
    expect(schedule).toContain('Entretien : Conseillers en emploi accompagné');
    expect(schedule).toContain("| Accompagner un conseiller lors d'une visite en entreprise. | V7 |");
    expect(cli(['init', join(dir, 'fr15'), '--lang', 'fr', '--scale', 'ips-15']).code).toBe(0);
    expect(readFileSync(join(dir, 'fr15', 'programme-de-visite.md'), 'utf8')).toContain('Entretien : Personnes accompagnées');
  });
});
