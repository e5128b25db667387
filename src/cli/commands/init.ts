// `ips-fidelity init [dir]`: a ready-to-fill program folder: review YAML and CSV templates, from the scale data.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from '../../i18n/locale.js';
import { loadScale } from '../../read/data-files.js';
import { localize, type Scale } from '../../scale/scale.js';
import { csvLine as csvLineOf, csvStyle, withBom, type CsvStyle } from '../../render/csv.js';
import { dataRequestMarkdown, visitScheduleMarkdown } from '../../render/toolkit-view.js';
import { Exit, EXIT, explainWriteError, makeContext } from '../context.js';
import type { OptionsOf } from '../options.js';
import { writeTogether } from '../write.js';
import { DEFAULT_SCALE } from '../scales-setup.js';
import { COLUMNS, TABLE_FILES, type TableName } from '../../read/record-tables.js';

const q = (s: string) => JSON.stringify(s);

/** The review YAML: every item listed (null = not rated yet) with what it expects, in the chosen language. */
export function reviewTemplate(scale: Scale, m: Messages): string {
  const L = (t: { en: string; [k: string]: string } | undefined) => localize(t, m.lang);
  const lines = [
    `# ${m.t('init.reviewHeader', { scale: `${scale.id} (${L(scale.name)})` })}`,
    `# ${m.t('init.reviewHowTo')}`,
    `lang: ${m.lang}`,
    `scale: ${scale.id}`,
    'program:',
    `  id: ${q(m.t('init.programId'))}`,
    `  name: ${q(m.t('init.programName'))}`,
    `  site: ${q(m.t('init.site'))}`,
    'review:',
    `  date: ${q(m.t('init.date'))}`,
    '  type: external   # self | external',
    `  reviewers: [${q(m.t('init.reviewer1'))}, ${q(m.t('init.reviewer2'))}]`,
    `  period: {from: ${q(m.t('init.periodFrom'))}, to: ${q(m.t('init.periodTo'))}}`,
    'items:',
  ];
  for (const sec of scale.sections) {
    lines.push(`  # ${sec.code} — ${L(sec.name)}`);
    for (const it of scale.items.filter((i) => i.section === sec.id)) {
      const how =
        it.kind === 'elements'
          ? m.t('init.howElements', { ids: (it.elements ?? []).map((e) => e.id).join(', ') })
          : it.kind === 'ordinal'
            ? m.t('init.howScore', { min: scale.scoreRange.min, max: scale.scoreRange.max })
            : m.t('init.howValue', { unit: L(it.unit) || m.t(`kind.${it.kind}`) });
      const per = it.perSpecialist ? ` ${m.t('init.howSpecialists')}` : '';
      lines.push(`  ${it.code}:   # ${L(it.name)} — ${how}${per}`);
    }
  }
  // Findings, recommendations and the action plan: commented out, ready to fill.
  const fr = m.lang === 'fr';
  lines.push(
    `# ${m.t('cycle.init.findings')}`,
    `#   V1: {score: 3, ${fr ? 'constat' : 'finding'}: "…", ${fr ? 'recommandation' : 'recommendation'}: "…"}`,
    `# ${m.t('cycle.init.actions')}`,
    '# actions:',
    `#   - {item: V1, action: ${q(m.t('cycle.init.exampleAction'))}, ${fr ? 'responsable' : 'owner'}: ${q(m.t('cycle.init.exampleOwner'))}, ${fr ? 'échéance: 30/06/2026' : 'due: 2026-06-30'}, ${fr ? 'statut: prévue' : 'status: planned'}}`,
  );
  return lines.join('\n') + '\n';
}

/** The action plan table: its header, in the chosen language (a header alone is an empty plan). */
export function actionsTemplate(m: Messages, style: CsvStyle): string {
  return withBom(
    csvLineOf(m.lang === 'fr' ? ['item', 'action', 'responsable', 'échéance', 'statut'] : ['item', 'action', 'owner', 'due', 'status'], style),
    style,
  ) as string;
}

function ratingsTemplates(scale: Scale, m: Messages, style: CsvStyle): Record<string, string> {
  const csvLine = (cells: string[]) => csvLineOf(cells, style);
  const fr = m.lang === 'fr';
  const meta = fr ? ['programme', 'identifiant_programme', 'site', 'date', 'type'] : ['program', 'program_id', 'site', 'date', 'type'];
  const long = fr ? [...meta, 'item', 'cotation', 'valeur', 'commentaire'] : [...meta, 'item', 'score', 'value', 'note'];
  let longCsv = csvLine(long);
  for (const it of scale.items) longCsv += csvLine(['', '', '', '', '', it.code, '', '', '']);
  const wideCsv = csvLine([...meta, ...scale.items.map((i) => i.code)]);
  return {
    [fr ? 'cotations-long.csv' : 'ratings-long.csv']: withBom(longCsv, style) as string,
    [fr ? 'cotations-large.csv' : 'ratings-wide.csv']: withBom(wideCsv, style) as string,
  };
}

/** The program-records folder: program.yaml and the four tables' header lines, from the data dictionary. */
function recordsTemplates(scale: Scale, m: Messages, style: CsvStyle): Record<string, string> {
  const fr = m.lang === 'fr';
  const files: Record<string, string> = {};
  for (const name of Object.keys(TABLE_FILES) as TableName[]) {
    const file = `${fr ? TABLE_FILES[name][TABLE_FILES[name].length - 1] : TABLE_FILES[name][0]}.csv`;
    const header = COLUMNS[name].map((c) =>
      fr
        ? (c.aliases.find(
            (a) => /^[a-z_]+$/.test(a) && !a.startsWith('participant_') && a !== 'entry' && a !== 'exit' && a !== 'job_coach' && a !== 'type_poste',
          ) ?? c.key)
        : c.key,
    );
    files[join('records', file)] = withBom(csvLineOf(header, style), style) as string;
  }
  files[join('records', 'program.yaml')] = [
    `# ${m.t('init.programHeader')}`,
    `lang: ${m.lang}`,
    `scale: ${scale.id}`,
    `program: {id: ${JSON.stringify(m.t('init.programId'))}, name: ${JSON.stringify(m.t('init.programName'))}, site: ${JSON.stringify(m.t('init.site'))}, country: ${fr ? 'FR' : '""'}}`,
    `currency: ${fr ? 'EUR' : '""'}`,
    `minimum_wage: ""   # ${m.t('init.minimumWage')}`,
    `period: {from: ${JSON.stringify(m.t('init.periodFrom'))}, to: ${JSON.stringify(m.t('init.periodTo'))}}`,
    `teams: {}   # ${m.t('init.teams')}`,
    `items: {}   # ${m.t('init.programItems')}`,
    '',
  ].join('\n');
  return files;
}

export async function runInit(dir: string | undefined, opts: OptionsOf<'init'>): Promise<void> {
  const ctx = makeContext(opts);
  const m = ctx.m;
  const target = dir ?? '.';
  const scale = loadScale(opts.scale ?? DEFAULT_SCALE);
  const style = csvStyle(opts.csvStyle ?? (m.lang === 'fr' ? 'excel' : 'rfc'), m.lang);
  const files: Record<string, string | Uint8Array> = {
    [m.lang === 'fr' ? 'revue.yaml' : 'review.yaml']: reviewTemplate(scale, m),
    // The reviewer toolkit of the scale, for preparing the visit (a scale without one: no such files).
    ...(scale.items.some((i) => i.toolkit)
      ? { [m.t('policy.files.request')]: dataRequestMarkdown(scale, m), [m.t('policy.files.schedule')]: visitScheduleMarkdown(scale, m) }
      : {}),
    ...ratingsTemplates(scale, m, style),
    'actions.csv': actionsTemplate(m, style),
    ...recordsTemplates(scale, m, style),
  };
  if (opts.xlsx) {
    const [{ workbookBytes }, { reviewFormTables }] = await Promise.all([import('../../render/xlsx.js'), import('../../render/xlsx-tables.js')]);
    files[m.lang === 'fr' ? 'revue.xlsx' : 'review.xlsx'] = await workbookBytes(reviewFormTables(scale, m));
  }
  const existing = Object.keys(files).filter((f) => existsSync(join(target, f)));
  if (existing.length > 0 && !opts.force) {
    for (const f of existing) process.stderr.write(`${join(target, f)}: ${m.t('severity.error')}: ${m.t('problem.init.exists')}\n`);
    throw new Exit(EXIT.invalid);
  }
  // All files or none: a full disk, a read-only folder or a file where a folder should be is exit 2 with the reason,
  // and the folders made by this run are removed again.
  let made: string | undefined;
  try {
    made = mkdirSync(join(target, 'records'), { recursive: true });
    writeTogether(Object.entries(files).map(([name, text]) => [join(target, name), text]));
  } catch (e) {
    if (made) rmSync(made, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException & { output?: string };
    explainWriteError(m, e, err.output ?? err.path ?? target);
  }
  if (!ctx.quiet) {
    process.stdout.write(m.t('init.done', { dir: target }) + '\n');
    for (const name of Object.keys(files)) process.stdout.write(`  ${join(target, name)}\n`);
    process.stdout.write(m.t('init.next', { file: join(target, Object.keys(files)[0]!) }) + '\n');
  }
}
