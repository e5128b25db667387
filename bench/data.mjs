// Synthetic program data for the bench: program folders, ratings CSVs and portfolios of any size.
// Deterministic: the same files on every run.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when the generated data changes, so that old files are not reused. */
const VERSION = 2;

export function makeData(root) {
  const data = join(root, `v${VERSION}`);
  mkdirSync(data, { recursive: true });
  /** Write a whole file, or nothing: an interrupted run leaves no partial file to be reused. */
  const writeWhole = (file, text) => {
    writeFileSync(file + '.tmp', text);
    renameSync(file + '.tmp', file);
  };
  // Deterministic pseudo-random numbers: each file starts from its own seed, so it is the same
  // whatever else was generated before it.
  let seed = 20261122;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const reseed = (name) => {
    seed = 20261122;
    for (const ch of name) seed = (seed * 31 + ch.charCodeAt(0)) % 2 ** 31;
  };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const day = (n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const CODES = 'S1 S2 S3 O1 O2 O3 O4 O5 O6 O7 O8 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14'.split(' ');

  function programFolder(jobs) {
    const dir = join(data, `program-${jobs}`);
    if (existsSync(join(dir, 'program.yaml'))) return dir;
    writeProgram(dir, jobs, `program-${jobs}`, 'Synthetic program', 'SYN-1');
    return dir;
  }

  /**
   * A network folder of `programs` program folders of `jobs` job rows each (and half as many
   * participants and contacts), in a temporary folder: `outcomes` on several programs.
   */
  function network(programs, jobs) {
    const dir = join(tmpdir(), `ips-fidelity-bench-v${VERSION}-network-${programs}x${jobs}`);
    if (existsSync(join(dir, 'complete'))) return dir;
    for (let i = 0; i < programs; i++)
      writeProgram(join(dir, `program-${String(i).padStart(3, '0')}`), jobs, `network-${i}`, `Synthetic program ${i}`, `SYN-${i}`);
    writeFileSync(join(dir, 'complete'), '');
    return dir;
  }

  /**
   * The network folder of `network(programs, jobs)` with a review of each program in its reviews/
   * (a wide ratings table), every tenth left without one: the network report.
   */
  function networkWithReviews(programs, jobs) {
    const dir = network(programs, jobs);
    if (existsSync(join(dir, 'reviews-complete'))) return dir;
    for (let i = 0; i < programs; i++) {
      if (i % 10 === 9) continue;
      const reviews = join(dir, `program-${String(i).padStart(3, '0')}`, 'reviews');
      mkdirSync(reviews, { recursive: true });
      reseed(`network-review-${i}`);
      writeWhole(
        join(reviews, 'review.csv'),
        `program,program_id,date,${CODES.join(',')}\nSynthetic program ${i},SYN-${i},2025-11-${String(1 + (i % 28)).padStart(2, '0')},${CODES.map(() => 2 + Math.floor(rand() * 4)).join(',')}\n`,
      );
    }
    writeFileSync(join(dir, 'reviews-complete'), '');
    return dir;
  }

  function writeProgram(dir, jobs, name, title, id) {
    mkdirSync(dir, { recursive: true });
    reseed(name);
    const people = Math.max(10, Math.floor(jobs / 2));
    const specialists = Math.max(2, Math.floor(people / 25));
    const write = (name, header, n, row) => {
      const chunks = [header + '\n'];
      for (let i = 0; i < n; i++) chunks.push(row(i) + '\n');
      writeFileSync(join(dir, name), chunks.join(''));
    };
    const entry = Array.from({ length: people }, () => Math.floor(rand() * 1400));
    write('participants.csv', 'id,entry_date,exit_date,specialist,team,first_employer_contact,working_at_entry', people, (i) =>
      [
        `P${i}`,
        day(entry[i]),
        rand() < 0.2 ? day(entry[i] + 60 + Math.floor(rand() * 400)) : '',
        `ES${i % specialists}`,
        `Team${i % (specialists * 2)}`,
        rand() < 0.8 ? day(entry[i] + Math.floor(rand() * 90)) : '',
        rand() < 0.1 ? 'yes' : 'no',
      ].join(','),
    );
    write('jobs.csv', 'participant,employer,job_type,start_date,end_date,hours_per_week,hourly_wage,contract', jobs, () => {
      const p = Math.floor(rand() * people);
      const start = entry[p] + 20 + Math.floor(rand() * 500);
      return [
        `P${p}`,
        `Employer${Math.floor(rand() * 5000)}`,
        `type${Math.floor(rand() * 60)}`,
        day(start),
        rand() < 0.5 ? day(start + Math.floor(rand() * 400)) : '',
        8 + Math.floor(rand() * 32),
        (11 + rand() * 6).toFixed(2),
        pick(['cdi', 'cdd', 'interim', 'ea', 'esat', 'stage']),
      ].join(',');
    });
    write('contacts.csv', 'specialist,date,employer,face_to_face', Math.floor(jobs / 2), () =>
      [
        `ES${Math.floor(rand() * specialists)}`,
        day(Math.floor(rand() * 1800)),
        `Employer${Math.floor(rand() * 5000)}`,
        rand() < 0.8 ? 'yes' : 'no',
      ].join(','),
    );
    write('staff.csv', 'specialist,fte,employment_services_pct,community_pct', specialists, (i) =>
      [`ES${i}`, (0.5 + rand() * 0.5).toFixed(1), 70 + Math.floor(rand() * 30), 30 + Math.floor(rand() * 50)].join(','),
    );
    writeFileSync(
      join(dir, 'program.yaml'),
      `program: {name: ${title}, id: ${id}}\nperiod: {from: 2021-01-01, to: 2025-12-31}\nminimum_wage: 11.88\n`,
    );
  }

  function ratings(reviews) {
    const file = join(data, `ratings-${reviews}.csv`);
    if (existsSync(file)) return file;
    reseed(`ratings-${reviews}`);
    const rows = ['program,program_id,date,item,score'];
    for (let r = 0; r < reviews; r++)
      for (const c of CODES)
        rows.push(`Program ${r % 3000},PRG-${r % 3000},${day(1000 + Math.floor(r / 3000) * 200)},${c},${1 + Math.floor(rand() * 5)}`);
    writeWhole(file, rows.join('\n') + '\n');
    return file;
  }

  function portfolio(sites) {
    const file = join(data, `portfolio-${sites}.csv`);
    if (existsSync(file)) return file;
    reseed(`portfolio-${sites}`);
    const rows = [`program,program_id,date,${CODES.join(',')}`];
    for (let s = 0; s < sites; s++) rows.push(`Site ${s},SITE-${s},2026-01-15,${CODES.map(() => 2 + Math.floor(rand() * 4)).join(',')}`);
    writeWhole(file, rows.join('\n') + '\n');
    return file;
  }

  return { programFolder, network, networkWithReviews, ratings, portfolio };
}
