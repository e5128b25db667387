// Reader of a program folder: participants, jobs, contacts and staff tables, and an optional program.yaml.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readWorkbook } from './workbook.js';
import { z } from 'zod';
import { findContract, type ContractTable } from '../core/contracts.js';
import type { Contact, Job, Participant, ProgramRecords, ProgramSettings, StaffMember } from '../core/records.js';
import type { Review } from '../core/review.js';
import { RowReader } from './cells.js';
import { ProblemList, type Problem } from './problems.js';
import { readInputBytes } from './files.js';
import { readReviewDoc, ReviewFields, type ScaleResolver } from './review-yaml.js';
import { mapColumns, readCsvTable, type ColumnSpec, type Table } from './table.js';
import { normalizeName, parseDate, parseNumber } from './values.js';
import { placeInYaml, readYamlWith } from './yaml-file.js';

export const TABLE_FILES = {
  participants: ['participants'],
  jobs: ['jobs', 'emplois'],
  contacts: ['contacts'],
  staff: ['staff', 'personnel'],
} as const;
export type TableName = keyof typeof TABLE_FILES;

export const COLUMNS: Record<TableName, ColumnSpec[]> = {
  participants: [
    { key: 'id', aliases: ['identifiant', 'participant_id'], required: true },
    { key: 'entry_date', aliases: ['date_entree', 'entry'], required: true },
    { key: 'exit_date', aliases: ['date_sortie', 'exit'] },
    { key: 'exit_reason', aliases: ['motif_sortie'] },
    { key: 'specialist', aliases: ['conseiller', 'job_coach'] },
    { key: 'team', aliases: ['equipe'] },
    { key: 'first_employer_contact', aliases: ['premier_contact_employeur'] },
    { key: 'working_at_entry', aliases: ['en_emploi_a_l_entree'] },
    { key: 'referral_source', aliases: ['origine_orientation'] },
  ],
  jobs: [
    { key: 'participant', aliases: ['participant_id'], required: true },
    { key: 'employer', aliases: ['employeur'] },
    { key: 'job_type', aliases: ['type_emploi', 'type_poste'] },
    { key: 'start_date', aliases: ['date_debut'], required: true },
    { key: 'end_date', aliases: ['date_fin'] },
    { key: 'hours_per_week', aliases: ['heures_semaine'] },
    { key: 'hourly_wage', aliases: ['salaire_horaire'] },
    { key: 'contract', aliases: ['contrat'], required: true },
    { key: 'competitive', aliases: ['competitif'] },
  ],
  contacts: [
    { key: 'specialist', aliases: ['conseiller', 'job_coach'], required: true },
    { key: 'date', aliases: [], required: true },
    { key: 'employer', aliases: ['employeur'] },
    { key: 'face_to_face', aliases: ['en_personne'] },
    { key: 'kind', aliases: ['type'] },
  ],
  staff: [
    { key: 'specialist', aliases: ['conseiller', 'job_coach'], required: true },
    { key: 'fte', aliases: ['etp'], required: true },
    { key: 'employment_services_pct', aliases: ['part_emploi_pct'] },
    { key: 'community_pct', aliases: ['part_terrain_pct'] },
  ],
};

const FRENCH_FILES = new Set(['emplois', 'personnel']);

const Text = z.union([z.string(), z.number()]).transform(String);
const Raw = z.union([z.string(), z.number()]);

export const ProgramFile = z
  .object({
    lang: z.enum(['en', 'fr']).optional(),
    scale: z.string().optional(),
    program: z.object({ id: Text.optional(), name: Text, site: Text.optional(), country: Text.optional() }).strict(),
    currency: z.string().optional(),
    minimum_wage: Raw.optional(),
    period: z.object({ from: Raw, to: Raw }).strict().optional(),
    teams: z.record(z.string(), z.array(Text)).default({}),
    tables: z.object({ participants: z.string().optional(), jobs: z.string().optional(), contacts: z.string().optional(), staff: z.string().optional() }).strict().default({}),
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

export function isProgramFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The table a workbook sheet holds, by its name (English or French). */
export function tableOfSheet(sheet: string): TableName | undefined {
  const n = normalizeName(sheet);
  return (Object.keys(TABLE_FILES) as TableName[]).find((t) => (TABLE_FILES[t] as readonly string[]).includes(n));
}

export const isWorkbook = (path: string) => /\.xlsx$/i.test(path);

/** The file of a table in the folder: program.yaml's path, else a known name (.csv, .tsv, .txt). */
function findTable(dir: string, name: TableName, explicit?: string): string | undefined {
  if (explicit) return join(dir, explicit);
  const files = readdirSync(dir);
  for (const base of TABLE_FILES[name]) {
    const hit = files.find((f) => normalizeName(f.replace(/\.(csv|tsv|txt)$/i, '')) === base && /\.(csv|tsv|txt)$/i.test(f));
    if (hit) return join(dir, hit);
  }
  return undefined;
}

/**
 * Read a program's records: a folder (CSV tables or one workbook with a sheet per table, and an
 * optional program.yaml), or a workbook file on its own.
 */
export async function readProgramFolder(path: string, contracts: ContractTable, resolveScale: ScaleResolver): Promise<{ folder: ProgramFolder | null; problems: Problem[] }> {
  const all: Problem[] = [];
  const dir = isWorkbook(path) ? dirname(path) : path;
  const yamlPath = ['program.yaml', 'program.yml', 'programme.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  let settings: ProgramSettings = { name: dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? dir, teams: {} };
  let review: Review | null = null;
  let tablePaths: Partial<Record<TableName, string>> = {};
  let lang: string | undefined;
  if (yamlPath) {
    const list = new ProblemList(yamlPath);
    const bytes = readInputBytes(yamlPath, list);
    const read = bytes && readYamlWith(bytes, ProgramFile, list);
    if (read) {
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
      settings = {
        name: doc.program.name,
        ...(doc.program.id ? { id: doc.program.id } : {}),
        ...(doc.program.site ? { site: doc.program.site } : {}),
        ...(doc.program.country?.trim() ? { country: doc.program.country } : {}),
        ...(doc.currency?.trim() ? { currency: doc.currency } : {}),
        ...(minimumWage !== undefined ? { minimumWage } : {}),
        ...(period ? { period } : {}),
        teams: doc.teams,
        ...(doc.lang ? { lang: doc.lang } : {}),
      };
      lang = doc.lang;
      tablePaths = doc.tables;
      review = readReviewDoc(yamlPath, read.src, { ...doc, review: doc.review ?? { date: period?.to ?? '', reviewers: [] } }, resolveScale, list, Boolean(doc.review) || Boolean(period));
    }
    all.push(...list.items);
  }

  const tables: Partial<Record<TableName, { table: Table; list: ProblemList }>> = {};
  const workbook = isWorkbook(path) ? path : readdirSync(dir).filter((f) => isWorkbook(f) && !f.startsWith('~$')).map((f) => join(dir, f))[0];
  for (const name of Object.keys(TABLE_FILES) as TableName[]) {
    const file = isWorkbook(path) ? undefined : findTable(dir, name, tablePaths[name]);
    if (!file) continue;
    const list = new ProblemList(file);
    const bytes = readInputBytes(file, list);
    const table = bytes && readCsvTable(file, bytes, list);
    if (table) {
      tables[name] = { table, list };
      if (TABLE_FILES[name].some((b) => FRENCH_FILES.has(b) && normalizeName(file).includes(b))) lang ??= 'fr';
    } else all.push(...list.items);
  }
  if (workbook && Object.keys(tables).length === 0) {
    const list = new ProblemList(workbook);
    const bytes = readInputBytes(workbook, list);
    const sheets = bytes ? await readWorkbook(workbook, bytes, list) : null;
    for (const table of sheets ?? []) {
      const name = tableOfSheet(table.sheet!);
      if (!name || tables[name]) continue;
      tables[name] = { table, list: new ProblemList(workbook) };
      if (FRENCH_FILES.has(normalizeName(table.sheet!))) lang ??= 'fr';
    }
    all.push(...list.items);
  }

  const read = <T>(name: TableName, each: (r: RowReader) => T | undefined): T[] => {
    const t = tables[name];
    if (!t) return [];
    const cols = mapColumns(t.table, COLUMNS[name], t.list);
    if (t.list.hasErrors) return [];
    const reader = new RowReader(t.table, cols, t.list);
    const out: T[] = [];
    for (const row of t.table.rows) {
      reader.row = row;
      const v = each(reader);
      if (v !== undefined) out.push(v);
    }
    return out;
  };

  const ids = new Map<string, number>();
  const participants = read<Participant>('participants', (r) => {
    const id = r.text('id', true);
    if (id && ids.has(id)) r.error('id', 'records.duplicateParticipant', { line: ids.get(id)! }, id);
    else if (id) ids.set(id, r.row.line);
    const entry = r.date('entry_date', true);
    const exit = r.date('exit_date');
    const first = r.date('first_employer_contact');
    if (entry && exit && exit < entry) r.error('exit_date', 'records.exitBeforeEntry', { entry }, r.text('exit_date'));
    if (entry && first && first < entry) r.error('first_employer_contact', 'records.contactBeforeEntry', { entry }, r.text('first_employer_contact'));
    const working = r.bool('working_at_entry');
    if (!id || !entry) return undefined;
    return {
      id, entry,
      ...(exit ? { exit } : {}),
      ...opt('exitReason', r.text('exit_reason')),
      ...opt('specialist', r.text('specialist')),
      ...opt('team', r.text('team')),
      ...(first ? { firstEmployerContact: first } : {}),
      ...(working !== undefined ? { workingAtEntry: working } : {}),
      ...opt('referralSource', r.text('referral_source')),
      at: { file: tables.participants!.table.file, ...r.place('id') },
    };
  });

  const jobs = read<Job>('jobs', (r) => {
    const participant = r.text('participant', true);
    const start = r.date('start_date', true);
    const end = r.date('end_date', false, true); // a fixed-term contract's planned end may be ahead
    if (start && end && end < start) r.error('end_date', 'records.endBeforeStart', { start }, r.text('end_date'));
    const contract = r.text('contract', true);
    const competitive = r.bool('competitive');
    if (contract && !findContract(contracts, contract)) {
      const known = contracts.contracts.map((c) => c.id).join(', ');
      if (competitive === undefined) r.error('contract', 'records.unknownContract', { known }, contract);
      else r.warn('contract', 'records.unknownContractOverridden', { known }, contract);
    }
    if (participant && participants.length > 0 && !ids.has(participant)) r.error('participant', 'records.unknownParticipant', {}, participant);
    const hours = r.number('hours_per_week', { min: 0, max: 80 });
    const wage = r.number('hourly_wage', { min: 0 });
    if (!participant || !start || !contract) return undefined;
    return {
      participant, start, contract,
      ...(end ? { end } : {}),
      ...opt('employer', r.text('employer')),
      ...opt('jobType', r.text('job_type')),
      ...(hours !== undefined ? { hoursPerWeek: hours } : {}),
      ...(wage !== undefined ? { hourlyWage: wage } : {}),
      ...(competitive !== undefined ? { competitive } : {}),
      at: { file: tables.jobs!.table.file, ...r.place('participant') },
    };
  });

  const staff = read<StaffMember>('staff', (r) => {
    const specialist = r.text('specialist', true);
    const fte = r.number('fte', { above: 0, max: 1 });
    const es = r.number('employment_services_pct', { min: 0, max: 100 });
    const community = r.number('community_pct', { min: 0, max: 100 });
    if (!specialist || fte === undefined) return undefined;
    return { specialist, fte, ...(es !== undefined ? { employmentServicesPct: es } : {}), ...(community !== undefined ? { communityPct: community } : {}), at: { file: tables.staff!.table.file, ...r.place('specialist') } };
  });
  const staffNames = new Set(staff.map((s) => normalizeName(s.specialist)));

  const contacts = read<Contact>('contacts', (r) => {
    const specialist = r.text('specialist', true);
    const date = r.date('date', true);
    const face = r.bool('face_to_face');
    const rawKind = r.text('kind');
    const kind = rawKind ? KINDS[normalizeName(rawKind)] : undefined;
    if (rawKind && !kind) r.error('kind', 'records.contactKind', {}, rawKind);
    if (specialist && staff.length > 0 && !staffNames.has(normalizeName(specialist))) r.error('specialist', 'records.unknownSpecialist', {}, specialist);
    if (!specialist || !date) return undefined;
    return { specialist, date, faceToFace: face ?? true, ...(kind ? { kind } : {}), ...opt('employer', r.text('employer')), at: { file: tables.contacts!.table.file, ...r.place('specialist') } };
  });

  for (const t of Object.values(tables)) all.push(...t.list.items);
  if (Object.keys(tables).length === 0 && !yamlPath) {
    all.push({ file: dir, severity: 'error', key: 'records.emptyFolder', params: { names: 'participants.csv, jobs.csv (emplois.csv), contacts.csv, staff.csv (personnel.csv), program.yaml' } });
  }
  if (all.some((p) => p.severity === 'error')) return { folder: null, problems: all };
  const records: ProgramRecords = {
    settings,
    participants,
    jobs,
    contacts,
    staff,
    tables: { participants: Boolean(tables.participants), jobs: Boolean(tables.jobs), contacts: Boolean(tables.contacts), staff: Boolean(tables.staff) },
  };
  const theReview: Review = review ?? {
    program: { name: settings.name, ...(settings.id ? { id: settings.id } : {}), ...(settings.site ? { site: settings.site } : {}) },
    date: null,
    reviewers: [],
    scaleId: resolveScale(undefined).id,
    ratings: [],
    at: { file: dir },
  };
  if (lang && !theReview.lang) theReview.lang = lang;
  return { folder: { dir, records, review: theReview, ...(lang ? { lang } : {}) }, problems: all };
}

const KINDS: Record<string, 'client-specific' | 'generic'> = {
  clientspecific: 'client-specific', client: 'client-specific', individuel: 'client-specific', individual: 'client-specific',
  generic: 'generic', generique: 'generic', general: 'generic',
};

function opt<K extends string>(key: K, v: string | undefined): { [P in K]?: string } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: string };
}
