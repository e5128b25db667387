// Property-based tests: what must hold for any input, not just the fixtures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../src/core/score-item.js';
import { scoreReview } from '../../src/core/score-review.js';
import type { ItemRating, Observation, Review } from '../../src/core/review.js';
import { computeOutcomes, median } from '../../src/core/outcomes.js';
import { dayNumber } from '../../src/shared/days.js';
import { memorySource, streamCsv } from '../../src/read/csv.js';
import { parseDate, parseDay } from '../../src/shared/values.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { programRecords, StringIndex, type Job, type Participant, type ProgramRecords } from '../../src/core/records.js';
import { messages } from '../../src/i18n/locale.js';
import { ProblemList } from '../../src/shared/problems.js';
import { readRatingsTable } from '../../src/read/ratings-table.js';
import { readCsvTable } from '../../src/read/table.js';
import { scoreCsvLines } from '../../src/render/csv.js';
import { reviewJson } from '../../src/render/json.js';
import { loadContracts, loadFramework, loadOutcomeRules, loadScale } from '../../src/read/data-files.js';

const scale = loadScale('ips-25');
const framework = loadFramework('8', scale).framework;
const contracts = loadContracts();
const m = messages('en');

/** Any observation the item's kind accepts. */
const observationFor = (item: (typeof scale.items)[number]): fc.Arbitrary<Observation | undefined> => {
  if (item.kind === 'elements') return fc.subarray((item.elements ?? []).map((e) => e.id)).map((present) => ({ kind: 'elements' as const, present }));
  if (item.kind === 'ordinal') return fc.constant(undefined);
  const value = fc.double({ min: 0, max: item.kind === 'percent' ? 100 : 500, noNaN: true });
  if (item.perSpecialist)
    return fc
      .array(fc.record({ name: fc.string({ minLength: 1, maxLength: 5 }), value }), { minLength: 1, maxLength: 6 })
      .map((specialists) => ({ kind: 'specialists' as const, specialists }));
  return fc
    .record({ value, n: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }) })
    .map(({ value, n }) => ({ kind: 'value' as const, value, ...(n === undefined ? {} : { n }) }));
};

const completeScores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 25, maxLength: 25 });
const reviewOf = (scores: number[], name = 'Prop', date = '2026-05-01'): Review => ({
  program: { name, id: name.toUpperCase() },
  date,
  reviewers: [],
  scaleId: 'ips-25',
  ratings: scale.items.map((it, i): ItemRating => ({ itemId: it.id, score: scores[i]!, flags: {}, origin: 'review' })),
  at: { file: 'p' },
});

describe('properties of scoring', () => {
  it('every score is within the scale, whatever was observed', () => {
    for (const item of scale.items) {
      fc.assert(
        fc.property(observationFor(item), fc.boolean(), (obs, capped) => {
          const flags = Object.fromEntries(item.caps.map((c) => [c.flag, !capped]));
          const s = scoreItem(
            item,
            obs ? { itemId: item.id, observation: obs, flags, origin: 'review' } : { itemId: item.id, score: 3, flags, origin: 'review' },
          );
          return s.score === null || (s.score >= 1 && s.score <= 5 && Number.isInteger(s.score));
        }),
        { numRuns: 60 },
      );
    }
  });
  it('the total equals the sum of the items, and of the sections', () => {
    fc.assert(
      fc.property(completeScores, (scores) => {
        const r = scoreReview(reviewOf(scores), scale, framework);
        const sum = scores.reduce((a, b) => a + b, 0);
        return r.total === sum && r.sections.reduce((a, s) => a + s.score!, 0) === sum && r.band !== null;
      }),
    );
  });
  it('a review with any item missing has no total and no band', () => {
    fc.assert(
      fc.property(completeScores, fc.integer({ min: 0, max: 24 }), (scores, drop) => {
        const review = reviewOf(scores);
        review.ratings.splice(drop, 1);
        const r = scoreReview(review, scale, framework);
        return r.total === null && r.band === null && r.rated === 24;
      }),
    );
  });
});

describe('round trips through exported files', () => {
  const reread = (csv: string) => {
    const problems = new ProblemList('roundtrip.csv');
    const table = readCsvTable('roundtrip.csv', Buffer.from(csv), problems)!;
    const reviews = readRatingsTable(table, () => scale, problems);
    expect(problems.items.filter((p) => p.severity === 'error')).toEqual([]);
    return reviews.map((r) => scoreReview(r, scale, framework));
  };
  it('a review exported to CSV (long or wide) and read back scores the same', () => {
    fc.assert(
      fc.property(completeScores, fc.constantFrom('wide', 'long') as fc.Arbitrary<'wide' | 'long'>, (scores, layout) => {
        const original = scoreReview(reviewOf(scores), scale, framework);
        const [back] = reread([...scoreCsvLines([original], m, layout, [original.scale])].join(''));
        return (
          JSON.stringify(back!.items.map((i) => i.score)) === JSON.stringify(original.items.map((i) => i.score)) && back!.total === original.total
        );
      }),
      { numRuns: 40 },
    );
  });
  it('the JSON export keeps every score, and re-exporting gives the same bytes', () => {
    fc.assert(
      fc.property(completeScores, (scores) => {
        const r = scoreReview(reviewOf(scores), scale, framework);
        const json = JSON.parse(JSON.stringify(reviewJson(r, m)));
        const again = scoreReview(reviewOf(json.items.map((i: { score: number }) => i.score)), scale, framework);
        return JSON.stringify(reviewJson(again, m)) === JSON.stringify(reviewJson(r, m));
      }),
      { numRuns: 40 },
    );
  });
});

describe('order never changes a result', () => {
  it('the rows of a ratings table, in any order', () => {
    fc.assert(
      fc.property(completeScores, completeScores, fc.infiniteStream(fc.double()), (a, b, rand) => {
        const csv = [
          ...scoreCsvLines(
            [scoreReview(reviewOf(a, 'Alpha'), scale, framework), scoreReview(reviewOf(b, 'Beta', '2026-06-01'), scale, framework)],
            m,
            'long',
            [scale],
          ),
        ].join('');
        const [head, ...rows] = csv.trimEnd().split('\r\n');
        const it = rand[Symbol.iterator]();
        const shuffled = rows
          .map((r) => [it.next().value as number, r] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, r]) => r);
        const read = (text: string) => {
          const problems = new ProblemList('x.csv');
          const reviews = readRatingsTable(readCsvTable('x.csv', Buffer.from(text), problems)!, () => scale, problems).map((r) =>
            scoreReview(r, scale, framework),
          );
          return reviews.map((r) => JSON.stringify(reviewJson(r, m))).sort();
        };
        return JSON.stringify(read(csv)) === JSON.stringify(read([head, ...shuffled].join('\r\n') + '\r\n'));
      }),
      { numRuns: 25 },
    );
  });
  it('the participants and jobs of a program, in any order', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const person = fc.record({ entry: day, exitAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 25 }),
        fc.array(
          fc.record({
            who: fc.nat(),
            start: fc.integer({ min: 0, max: 400 }),
            len: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
            contract: fc.constantFrom('cdi', 'cdd', 'ea', 'esat', 'stage', 'interim'),
          }),
          { maxLength: 40 },
        ),
        fc.infiniteStream(fc.double()),
        (people, jobs, rand) => {
          const plus = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);
          const participants: Participant[] = people.map((p, i) => ({
            id: `P${i}`,
            entry: p.entry,
            ...(p.exitAfter === undefined ? {} : { exit: plus(p.entry, p.exitAfter) }),
          }));
          const jobList: Job[] = jobs.map((j) => {
            const p = participants[j.who % participants.length]!;
            const start = plus(p.entry, j.start);
            return { participant: p.id, start, contract: j.contract, ...(j.len === undefined ? {} : { end: plus(start, j.len) }) };
          });
          const records = (ps: Participant[], js: Job[]): ProgramRecords =>
            programRecords({
              settings: { name: 'P', teams: {} },
              participants: ps,
              jobs: js,
              tables: { participants: true, jobs: true, contacts: false, staff: false },
            });
          const it = rand[Symbol.iterator]();
          const shuffle = <T>(xs: T[]) =>
            xs
              .map((x) => [it.next().value as number, x] as const)
              .sort((a, b) => a[0] - b[0])
              .map(([, x]) => x);
          const opts = {
            window: { from: '2025-01-01', to: '2026-12-31' },
            by: 'quarter' as const,
            convention: 'standard' as const,
            minCell: 5,
            rules: loadOutcomeRules(),
          };
          return (
            JSON.stringify(computeOutcomes(records(participants, jobList), contracts, opts)) ===
            JSON.stringify(computeOutcomes(records(shuffle(participants), shuffle(jobList)), contracts, opts))
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('properties of reading and arithmetic', () => {
  it('the median by quickselect is the median of the sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 200 }),
        (xs) => {
          const s = [...xs].sort((a, b) => a - b);
          const mid = s.length >> 1;
          // `+ 0`: -0 and 0 are the same median (both print as 0), and either may come first in a sort.
          expect(median(xs)! + 0).toBe((s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2) + 0);
        },
      ),
    );
  });
  it('the string index numbers strings as a Map would, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (xs) => {
        const index = new StringIndex();
        const map = new Map<string, number>();
        for (const x of xs) {
          expect(index.get(x)).toBe(map.get(x) ?? -1);
          if (!map.has(x)) map.set(x, index.add(x));
        }
        for (const [x, i] of map) expect(index.get(x)).toBe(i);
      }),
    );
  });
  it('the fast date reader gives the same days and problems as the general one', () => {
    const part = (n: number) =>
      fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(fc.sample(fc.integer({ min: 1, max: n }), 1)[0]!, '0'));
    const date = fc.oneof(
      fc.tuple(part(4), part(2), part(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.tuple(part(2), part(2), part(4), fc.constantFrom('/', '.')).map(([d, m, y, sep]) => `${d}${sep}${m}${sep}${y}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(date, (raw) => {
        const general = parseDate(raw);
        expect(parseDay(raw)).toEqual(general.ok ? { ok: true, value: dayNumber(general.value) } : general);
      }),
      { numRuns: 2000 },
    );
  });
  it('the CSV reader gives the records csv-parse gives (with the delimiter it detected), and fails where it fails, whatever the chunk size', () => {
    const field = fc.oneof(fc.stringMatching(/^[a-zé 0-9]{0,6}$/), fc.stringMatching(/^[a-z,;"\n ]{0,6}$/));
    const doc = fc.record({
      rows: fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
      crlf: fc.boolean(),
      quoteAll: fc.boolean(),
      garble: fc.option(fc.nat(), { nil: undefined }),
      chunk: fc.integer({ min: 1, max: 64 }),
    });
    fc.assert(
      fc.property(doc, ({ rows, crlf, quoteAll, garble, chunk }) => {
        const eol = crlf ? '\r\n' : '\n';
        const quote = (f: string) => (quoteAll || /[,"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
        let text = rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
        if (garble !== undefined) text = text.slice(0, garble % text.length) + '"' + text.slice(garble % text.length);
        const ours: { line: number; cells: string[] }[] = [];
        const { faults, info } = streamCsv(memorySource(Buffer.from(text)), (cells, line) => void ours.push({ line, cells }), chunk);
        let theirs: { line: number; cells: string[] }[] | null;
        try {
          theirs = (
            parseCsv(text, { delimiter: info?.delimiter ?? ',', info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
              record: string[];
              info: { lines: number };
            }[]
          ).map(({ record, info }) => ({
            line: info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0),
            cells: record,
          }));
        } catch {
          theirs = null;
        }
        if (theirs === null) expect(faults.length).toBeGreaterThan(0);
        else {
          expect(faults).toEqual([]);
          const blank = (r: { cells: string[] }) => r.cells.every((c) => c === '');
          expect(ours.filter((r) => !blank(r))).toEqual(theirs.filter((r) => !blank(r)));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
