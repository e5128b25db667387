// Worker thread: reads a program's jobs table (see jobs-table.ts) and sends back the part, its
// typed columns moved (not copied), with the problems found.
import { parentPort, workerData } from 'node:worker_threads';
import { readJobsTable, type JobsOptions } from './jobs-table.js';
import { ProblemList } from '../shared/problems.js';
import { openCsvFile } from './table.js';

const { file, options } = workerData as { file: string; options: JobsOptions };
const problems = new ProblemList(file);
const table = openCsvFile(file, problems);
const read = table ? readJobsTable(table, problems, options) : null;
const p = read?.part;
const moved = p
  ? [p.participant, p.start, p.end, p.hoursPerWeek, p.hourlyWage, p.contract, p.employer, p.jobType, p.competitive, p.line].map(
      (a) => a.buffer as ArrayBuffer,
    )
  : [];
parentPort!.postMessage({ read, problems: problems.items }, moved);
