// Reader of a program folder: participants, jobs, contacts and staff tables, and an optional program.yaml.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { readWorkbook } from './workbook.js';
import { z } from 'zod';
import type { ContractTable } from '../core/contracts.js';
import { NO_DAY, RecordsBuilder, type ProgramRecords, type ContactKind, type ProgramSettings, type StaffMember } from '../core/records.js';
import { isoOfDay } from '../shared/days.js';
import type { Review } from '../core/review.js';
import { RowReader } from './cells.js';
import { append, ProblemList, type Problem } from '../shared/problems.js';
import { isWorkbook, MAX_WORKBOOK_BYTES, readInputBytes } from './files.js';
import { readReviewDoc, ReviewFields, type ScaleResolver } from './review-yaml.js';
import { mapColumns, openCsvFile, placeOf, type Table } from './table.js';
import { readJobsTable, type JobsOptions, type JobsRead } from './jobs-table.js';
import { loadOutcomeRules } from './data-files.js';
import { COLUMNS, TABLE_FILES, type TableName } from './record-tables.js';
import { normalizeName, parseDate, parseNumber } from '../shared/values.js';
import { placeInYaml, readYamlWith } from './yaml-file.js';

const FRENCH_FILES = new Set(['emplois', 'personnel']);

const Text = z.union([z.string(), z.number()]).transform(String);
const Raw = z.union([z.string(), z.number()]);

export const ProgramFile = z
  .object({
    lang: z.enum(['en', 'fr']).optional(),
    scale: z.string().optional(),
    program: z.object({ id: Text.optional(), name: Text.optional(), site: Text.optional(), country: Text.optional() }).strict().default({}),
    currency: z.string().optional(),
    minimum_wage: Raw.optional(),
    period: z.object({ from: Raw, to: Raw }).strict().optional(),
    teams: z.record(z.string(), z.array(Text)).default({}),
    tables: z
      .object({ participants: z.string().optional(), jobs: z.string().optional(), contacts: z.string().optional(), staff: z.string().optional() })
      .strict()
      .default({}),
    review: ReviewFields.shape.review.optional(),
    items: ReviewFields.shape.items,
  })
  .strict();

export interface ProgramFolder {
  dir: string;
  records: ProgramRecords;
  /** The review program.yaml carries (its checklist answers), when it has one. */
  review: Review;
  lang?: string;
}

/** The table a workbook sheet holds, by its name (English or French). */
export function tableOfSheet(sheet: string): TableName | undefined {
  const n = normalizeName(sheet);
  return (Object.keys(TABLE_FILES) as TableName[]).find((t) => (TABLE_FILES[t] as readonly string[]).includes(n));
}

/** How a folder is read. */
export interface FolderOptions {
  /** Let program.yaml's `tables:` name files outside the folder (else they are refused, never read). */
  allowOutsideTables?: boolean;
  /** Sanity limits of hours and wages (outcome rules); default: the built-in rules. */
  limits?: JobsOptions['limits'];
}

/** Whether `file` (links resolved) is inside `dir`; a file that does not exist yet is judged by its path. */
function isInside(dir: string, file: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const rel = relative(real(dir), real(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The file of a table in the folder: program.yaml's path, else a known name (.csv, .tsv, .txt). */
function findTable(dir: string, name: TableName, explicit?: string): string | undefined {
  if (explicit) return resolve(dir, explicit);
  const files = readdirSync(dir);
  for (const base of TABLE_FILES[name]) {
    const hit = files.find((f) => normalizeName(f.replace(/\.(csv|tsv|txt)$/i, '')) === base && /\.(csv|tsv|txt)$/i.test(f));
    if (hit) return join(dir, hit);
  }
  return undefined;
}

/**
 * What the records are read for. Outcomes use fewer columns than the fidelity items: employers,
 * job types, teams and referral sources are then checked like every cell but not kept.
 */
export type RecordsUse = 'fidelity' | 'outcomes';

/**
 * Read a program's records: a folder (CSV tables or one workbook with a sheet per table, and an
 * optional program.yaml), or a workbook file on its own.
 */
export async function readProgramFolder(
  path: string,
  contracts: ContractTable,
  resolveScale: ScaleResolver,
  use: RecordsUse = 'fidelity',
  options: FolderOptions = {},
): Promise<{ folder: ProgramFolder | null; problems: Problem[] }> {
  const keep = use === 'fidelity';
  const all: Problem[] = [];
  const dir = isWorkbook(path) ? dirname(path) : path;
  const yamlPath = ['program.yaml', 'program.yml', 'programme.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  // Without a name in program.yaml: the folder's name (never "."), or a lone workbook's name without extension.
  const fallbackName = isWorkbook(path) && !yamlPath ? basename(path, extname(path)) : basename(resolve(dir)) || resolve(dir);
  const program = yamlPath ? readProgramYaml(yamlPath, dir, fallbackName, resolveScale, options, all) : null;
  if (!yamlPath) all.push({ file: join(dir, 'program.yaml'), severity: 'warning', key: 'records.noProgramName', params: { name: fallbackName } });
  const settings: ProgramSettings = program?.settings ?? { name: fallbackName, teams: {} };
  const review = program?.review ?? null;
  const { tables, lang } = await openTables(path, dir, program?.tablePaths ?? {}, program?.lang, all);

  // Each table is read row by row into the records (a CSV table streams: any length in bounded memory).
  // `setup` resolves the table's columns once and returns what to do with each row.
  const each = (name: TableName, setup: (r: RowReader) => () => void): void => {
    const t = tables[name];
    if (!t) return;
    const cols = mapColumns(t.table, COLUMNS[name], t.list);
    if (t.list.hasErrors) return;
    const reader = new RowReader(t.table, cols, t.list);
    if (name === 'participants' || name === 'contacts') records.reserve(name, t.table.mostRows ?? 0);
    const row = setup(reader);
    t.table.eachRow((r) => {
      reader.row = r;
      row();
    });
  };
  const records = new RecordsBuilder();
  // The jobs table, usually the largest, is read first: in a worker thread when large, while this thread reads the others.
  const jobsOptions: JobsOptions = {
    contracts: { names: [...contracts.byName.keys()], ids: contracts.contracts.map((c) => c.id).join(', ') },
    keep,
    limits: options.limits ?? loadOutcomeRules().limits,
  };
  const jobs = tables.jobs ? readJobs(tables.jobs.table, tables.jobs.list, jobsOptions) : null;
  each('participants', (r) => {
    const [ID, ENTRY, EXIT, FIRST, WORKING, SPECIALIST, TEAM, REASON, REFERRAL, FROM_ESAT] = r.columns(
      'id',
      'entry_date',
      'exit_date',
      'first_employer_contact',
      'working_at_entry',
      'specialist',
      'team',
      'exit_reason',
      'referral_source',
      'from_esat',
    );
    return () => {
      const id = r.text(ID, true);
      const seen = id === undefined ? undefined : records.participantLine(id);
      if (seen !== undefined) r.error(ID, 'records.duplicateParticipant', { line: seen }, id);
      const entry = r.day(ENTRY, true);
      const exit = r.day(EXIT);
      const first = r.day(FIRST);
      if (entry !== undefined && exit !== undefined && exit < entry)
        r.error(EXIT, 'records.exitBeforeEntry', { entry: isoOfDay(entry) }, r.text(EXIT));
      if (entry !== undefined && first !== undefined && first < entry)
        r.error(FIRST, 'records.contactBeforeEntry', { entry: isoOfDay(entry) }, r.text(FIRST));
      const working = r.bool(WORKING);
      const fromEsat = r.bool(FROM_ESAT);
      if (id === undefined || seen !== undefined) return;
      // A participant with a bad entry date is still known, so their jobs are not reported as strangers.
      records.addParticipant(
        {
          id,
          entry: entry ?? NO_DAY,
          exit,
          firstEmployerContact: first,
          workingAtEntry: working,
          specialist: r.text(SPECIALIST),
          team: keep ? r.text(TEAM) : undefined,
          exitReason: r.text(REASON),
          referralSource: keep ? r.text(REFERRAL) : undefined,
          fromEsat,
        },
        r.row.line,
      );
    };
  });
  const staff: StaffMember[] = [];
  each('staff', (r) => {
    const [SPECIALIST, FTE, ES, COMMUNITY] = r.columns('specialist', 'fte', 'employment_services_pct', 'community_pct');
    return () => {
      const specialist = r.text(SPECIALIST, true);
      const fte = r.number(FTE, { above: 0, max: 1 });
      const es = r.number(ES, { min: 0, max: 100 });
      const community = r.number(COMMUNITY, { min: 0, max: 100 });
      if (!specialist || fte === undefined) return;
      staff.push({
        specialist,
        fte,
        ...(es !== undefined ? { employmentServicesPct: es } : {}),
        ...(community !== undefined ? { communityPct: community } : {}),
      });
    };
  });
  const staffNames = new Set(staff.map((s) => normalizeName(s.specialist)));
  const onStaff: (boolean | undefined)[] = [];

  each('contacts', (r) => {
    const [SPECIALIST, DATE, FACE, KIND, EMPLOYER] = r.columns('specialist', 'date', 'face_to_face', 'kind', 'employer');
    return () => {
      const specialist = r.text(SPECIALIST, true);
      const date = r.day(DATE, true);
      const face = r.bool(FACE);
      const rawKind = r.text(KIND);
      const kind = rawKind ? KINDS[normalizeName(rawKind)] : undefined;
      if (rawKind && !kind) r.error(KIND, 'records.contactKind', {}, rawKind);
      if (specialist && staff.length > 0) {
        if (!(onStaff[records.names.id(specialist)] ??= staffNames.has(normalizeName(specialist))))
          r.error(SPECIALIST, 'records.unknownSpecialist', {}, specialist);
      }
      if (!specialist || date === undefined) return;
      records.addContact({ specialist, date, faceToFace: face ?? true, kind, employer: keep ? r.text(EMPLOYER) : undefined });
    };
  });

  const read = await jobs;
  if (read && tables.jobs) {
    const { table, list } = tables.jobs;
    for (const { line, participant } of records.addJobs(read.part)) {
      list.error(
        read.participant.index === undefined ? { line } : placeOf(table, line, read.participant.index),
        'records.unknownParticipant',
        {},
        read.participant.header,
        participant,
      );
    }
  }

  return finishFolder({ dir, tables, all, hasYaml: Boolean(yamlPath), records, settings, staff, review, resolveScale, lang });
}

type OpenedTables = Awaited<ReturnType<typeof openTables>>;

/** The folder's problems in the order of its lines, then its records and review: no folder when any problem is an error. */
function finishFolder(k: {
  dir: string;
  tables: OpenedTables['tables'];
  all: Problem[];
  hasYaml: boolean;
  records: RecordsBuilder;
  settings: ProgramSettings;
  staff: StaffMember[];
  review: Review | null;
  resolveScale: ScaleResolver;
  lang: OpenedTables['lang'];
}): { folder: ProgramFolder | null; problems: Problem[] } {
  const { dir, tables, all, hasYaml, records, settings, staff, review, resolveScale, lang } = k;
  // Each table's problems in the order of its lines (a row's own problems in the order they were found).
  for (const t of Object.values(tables))
    append(
      all,
      t.list.items.sort((x, y) => (x.line ?? 0) - (y.line ?? 0)),
    );
  if (Object.keys(tables).length === 0 && !hasYaml) {
    all.push({
      file: dir,
      severity: 'error',
      key: 'records.emptyFolder',
      params: { names: 'participants.csv, jobs.csv (emplois.csv), contacts.csv, staff.csv (personnel.csv), program.yaml' },
    });
  }
  if (all.some((p) => p.severity === 'error')) return { folder: null, problems: all };
  const built = records.build(settings, staff, {
    participants: Boolean(tables.participants),
    jobs: Boolean(tables.jobs),
    contacts: Boolean(tables.contacts),
    staff: Boolean(tables.staff),
  });
  const theReview: Review = review ?? {
    program: { name: settings.name, ...(settings.id ? { id: settings.id } : {}), ...(settings.site ? { site: settings.site } : {}) },
    date: null,
    reviewers: [],
    scaleId: resolveScale(undefined).id,
    ratings: [],
    at: { file: dir },
  };
  if (lang && !theReview.lang) theReview.lang = lang;
  return { folder: { dir, records: built, review: theReview, ...(lang ? { lang } : {}) }, problems: all };
}

const KINDS: Record<string, ContactKind> = {
  clientspecific: 'client-specific',
  client: 'client-specific',
  individuel: 'client-specific',
  individual: 'client-specific',
  generic: 'generic',
  generique: 'generic',
  general: 'generic',
};

/** A jobs file at least this large is read in a worker thread (below, starting one costs more than it saves). */
const PARALLEL_BYTES = 8 * 1_048_576;

/** Read the jobs table: in a worker thread when it is a large CSV file (unless IPS_FIDELITY_THREADS=1), else here. */
async function readJobs(table: Table, list: ProblemList, options: JobsOptions): Promise<JobsRead | null> {
  if (table.sheet !== undefined || process.env.IPS_FIDELITY_THREADS === '1' || statSync(table.file).size < PARALLEL_BYTES)
    return readJobsTable(table, list, options);
  const { read, problems } = await new Promise<{ read: JobsRead | null; problems: Problem[] }>((resolve, reject) => {
    // A small young generation: the worker's short-lived cells need little, and the process stays lean.
    const worker = new Worker(new URL('./jobs-worker.js', import.meta.url), {
      workerData: { file: table.file, options },
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the jobs worker stopped (${code}) before it answered`)));
  });
  list.addAll(problems);
  return read;
}

/** program.yaml: the program's settings, its review (if any), where its tables are, its language. */
function readProgramYaml(yamlPath: string, dir: string, fallbackName: string, resolveScale: ScaleResolver, options: FolderOptions, all: Problem[]) {
  const list = new ProblemList(yamlPath);
  const bytes = readInputBytes(yamlPath, list);
  const read = bytes && readYamlWith(bytes, ProgramFile, list);
  if (!read) {
    append(all, list.items);
    return null;
  }
  const doc = read.value;
  const at = (p: (string | number)[]) => placeInYaml(read.src, p);
  let period: ProgramSettings['period'];
  if (doc.period) {
    const from = parseDate(String(doc.period.from));
    const to = parseDate(String(doc.period.to));
    if (!from.ok) list.error(at(['period', 'from']), `expected.${from.expected}`, {}, 'period.from', String(doc.period.from));
    if (!to.ok) list.error(at(['period', 'to']), `expected.${to.expected}`, {}, 'period.to', String(doc.period.to));
    if (from.ok && to.ok) {
      if (to.value < from.value) list.error(at(['period']), 'review.periodOrder', { from: from.value, to: to.value });
      period = { from: from.value, to: to.value };
    }
  }
  let minimumWage: number | undefined;
  if (doc.minimum_wage !== undefined && String(doc.minimum_wage).trim() !== '') {
    const n = parseNumber(doc.minimum_wage);
    if (!n.ok || n.value <= 0) list.error(at(['minimum_wage']), 'cell.range', { range: '> 0' }, 'minimum_wage', String(doc.minimum_wage));
    else minimumWage = n.value;
  }
  const name = doc.program.name?.trim() ? doc.program.name : fallbackName;
  if (name !== doc.program.name) list.warn(at(['program']), 'records.noProgramName', { name }, 'program.name');
  const settings: ProgramSettings = {
    name,
    ...(doc.program.id ? { id: doc.program.id } : {}),
    ...(doc.program.site ? { site: doc.program.site } : {}),
    ...(doc.program.country?.trim() ? { country: doc.program.country } : {}),
    ...(doc.currency?.trim() ? { currency: doc.currency } : {}),
    ...(minimumWage !== undefined ? { minimumWage } : {}),
    ...(period ? { period } : {}),
    teams: doc.teams,
    ...(doc.lang ? { lang: doc.lang } : {}),
  };
  const tablePaths: Partial<Record<TableName, string>> = doc.tables;
  // A table named outside the folder is refused (and never read, so nothing of it is echoed) unless allowed.
  for (const [name, file] of Object.entries(doc.tables) as [TableName, string][]) {
    if (options.allowOutsideTables || isInside(dir, resolve(dir, file))) continue;
    list.error(at(['tables', name]), 'readers.tableOutside', { path: file }, `tables.${name}`);
    delete tablePaths[name];
  }
  const review = readReviewDoc(
    yamlPath,
    read.src,
    { ...doc, program: { ...doc.program, name }, review: doc.review ?? { date: period?.to ?? '', reviewers: [] } },
    resolveScale,
    list,
    Boolean(doc.review) || Boolean(period),
  );
  append(all, list.items);
  return { settings, review, tablePaths, lang: doc.lang };
}

/** The folder's tables: CSV files, else the sheets of its workbook; and the language their names suggest. */
async function openTables(path: string, dir: string, tablePaths: Partial<Record<TableName, string>>, lang: string | undefined, all: Problem[]) {
  const tables: Partial<Record<TableName, { table: Table; list: ProblemList }>> = {};
  const workbook = isWorkbook(path)
    ? path
    : readdirSync(dir)
        .filter((f) => isWorkbook(f) && !f.startsWith('~$'))
        .map((f) => join(dir, f))[0];
  for (const name of Object.keys(TABLE_FILES) as TableName[]) {
    const file = isWorkbook(path) ? undefined : findTable(dir, name, tablePaths[name]);
    if (!file) continue;
    const list = new ProblemList(file);
    const table = openCsvFile(file, list);
    if (table) {
      tables[name] = { table, list };
      if (TABLE_FILES[name].some((b) => FRENCH_FILES.has(b) && normalizeName(file).includes(b))) lang ??= 'fr';
    } else append(all, list.items);
  }
  if (workbook && Object.keys(tables).length === 0) {
    const list = new ProblemList(workbook);
    const bytes = readInputBytes(workbook, list, MAX_WORKBOOK_BYTES);
    const sheets = bytes ? await readWorkbook(workbook, bytes, list) : null;
    for (const table of sheets ?? []) {
      const name = tableOfSheet(table.sheet!);
      if (!name || tables[name]) continue;
      tables[name] = { table, list: new ProblemList(workbook) };
      if (FRENCH_FILES.has(normalizeName(table.sheet!))) lang ??= 'fr';
    }
    append(all, list.items);
  }
  return { tables, lang };
}
