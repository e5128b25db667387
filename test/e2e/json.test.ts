// Every command's --format json against its zod contract (in-process) and its shipped JSON Schema
// (python's jsonschema, an independent validator); --reporter json; JSON with --quiet.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACTS, jsonSchemaOf, type ContractName } from '../../src/contract/index.js';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();

const CASES: [ContractName, string[]][] = [
  ['score', ['score', fixture('reviews', 'two-reviewers.yaml'), fixture('reviews', 'partial-review.yaml'), '--format', 'json']],
  ['outcomes', ['outcomes', fixture('programs', 'harbour'), '--format', 'json']],
  ['outcomes', ['outcomes', fixture('programs', 'jardins'), '--format', 'json', '--convention', 'ips-grow', '--lang', 'fr']],
  ['outcomes', ['outcomes', fixture('network'), '--by', 'semester', '--format', 'json']],
  [
    'history',
    [
      'history',
      fixture('reviews', 'jardins-emploi-2025.yaml'),
      fixture('reviews', 'jardins-emploi-2026.yaml'),
      fixture('reviews', 'riverside-2026.yaml'),
      '--format',
      'json',
    ],
  ],
  ['consensus', ['consensus', fixture('reviews', 'two-reviewers.yaml'), fixture('ratings', 'two-reviewers.csv'), '--format', 'json']],
  [
    'validate',
    [
      'validate',
      fixture('reviews', 'riverside-2026.yaml'),
      fixture('broken', 'bad-ratings.csv'),
      fixture('broken', 'bad-review.yaml'),
      '--format',
      'json',
    ],
  ],
  ['validate', ['validate', fixture('ratings', 'reseau-sud-2026.xlsx'), '--format', 'json']],
  ['scales', ['scales', '--format', 'json']],
  ['scales', ['scales', 'ips-25', '--format', 'json']],
  ['scales', ['scales', 'ips-15', '--item', 'S1', '--format', 'json']],
  ['scales', ['scales', '9', '--format', 'json']],
];

const outputs: [ContractName, string][] = [];

describe('--format json of every command', () => {
  CASES.forEach(([name, args], i) => {
    it(`${args.slice(0, 2).join(' ')} … matches the ${name} contract`, () => {
      const r = cli(args);
      const doc = JSON.parse(r.stdout);
      expect(doc.schemaVersion).toBe(1);
      const check = CONTRACTS[name].safeParse(doc);
      expect(check.success, JSON.stringify(check.error?.issues.slice(0, 3))).toBe(true);
      const file = join(dir, `${i}-${name}.json`);
      writeFileSync(file, r.stdout);
      outputs.push([name, file]);
    });
  });

  it('validate --format json lists each problem with file, line, column, code, message and severity; exit 2 on errors', () => {
    const r = cli(['validate', fixture('broken', 'bad-ratings.csv'), '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.valid).toBe(false);
    expect(doc.errors).toBeGreaterThan(0);
    const p = doc.problems.find((x: { code: string }) => x.code === 'rating.score');
    expect(p).toMatchObject({ file: fixture('broken', 'bad-ratings.csv'), line: 3, column: 4, severity: 'error', field: 'score', value: '6' });
    expect(p.message).toContain('whole number from 1 to 5');
  });

  it('validate --format json gives each file its own counts', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'program,date,item,score\nA,2026-01-10,V1,9\n');
    const doc = JSON.parse(cli(['validate', bad, '--format', 'json']).stdout);
    expect(doc.files[0]).toMatchObject({ valid: false, errors: doc.errors });
  });

  it('with --quiet, the JSON is still written and the errors still go to standard error', () => {
    const r = cli(['validate', fixture('broken', 'bad-ratings.csv'), '--format', 'json', '-q']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors).toBeGreaterThan(0);
    expect(r.stderr).toContain('bad-ratings.csv:3:4');
    const s = cli(['score', fixture('reviews', 'riverside-2026.yaml'), '--format', 'json', '-q']);
    expect(JSON.parse(s.stdout).reviews).toHaveLength(1);
    expect(cli(['score', fixture('reviews', 'riverside-2026.yaml'), '-q']).stdout).toBe('');
  });

  it('--reporter json writes each problem as one JSON line on standard error, any command', () => {
    for (const cmd of ['score', 'validate', 'history']) {
      const r = cli([cmd, fixture('broken', 'bad-ratings.csv'), '--reporter', 'json']);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(CONTRACTS.problem.safeParse(JSON.parse(l)).success, l).toBe(true);
      expect(JSON.parse(lines[0]!)).toMatchObject({ severity: 'error', file: fixture('broken', 'bad-ratings.csv') });
    }
  });

  it('messages in the JSON follow --lang; the codes do not', () => {
    const en = JSON.parse(cli(['validate', fixture('broken', 'bad-ratings.csv'), '--format', 'json']).stdout);
    const fr = JSON.parse(cli(['validate', fixture('broken', 'bad-ratings.csv'), '--format', 'json', '--lang', 'fr']).stdout);
    expect(fr.lang).toBe('fr');
    expect(fr.problems.map((p: { code: string }) => p.code)).toEqual(en.problems.map((p: { code: string }) => p.code));
    expect(fr.problems[0].message).not.toBe(en.problems[0].message);
  });
});

describe('the shipped JSON Schemas', () => {
  for (const name of Object.keys(CONTRACTS) as ContractName[]) {
    it(`schema/${name}.schema.json is the one the zod contract gives (written at build)`, () => {
      expect(JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8'))).toEqual(JSON.parse(JSON.stringify(jsonSchemaOf(name))));
    });
  }

  const python = spawnSync('/usr/bin/python3', ['-c', 'import jsonschema'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!python)('validate every output above under python jsonschema (draft 2020-12)', () => {
    expect(outputs.length).toBe(CASES.length);
    const problems = join(dir, 'problems.jsonl');
    writeFileSync(problems, cli(['score', fixture('broken', 'bad-ratings.csv'), '--reporter', 'json']).stderr);
    const script = [
      'import json, sys, jsonschema',
      'pairs = sys.argv[1:]',
      'for i in range(0, len(pairs), 2):',
      '    schema = json.load(open(pairs[i]))',
      '    jsonschema.Draft202012Validator.check_schema(schema)',
      '    v = jsonschema.Draft202012Validator(schema)',
      '    docs = [json.loads(l) for l in open(pairs[i + 1])] if pairs[i + 1].endswith(".jsonl") else [json.load(open(pairs[i + 1]))]',
      '    for d in docs:',
      '        for e in v.iter_errors(d): print(pairs[i + 1], e.message[:200])',
    ].join('\n');
    const args = [
      ...outputs.flatMap(([name, file]) => [join(ROOT, 'schema', `${name}.schema.json`), file]),
      join(ROOT, 'schema', 'problem.schema.json'),
      problems,
    ];
    const r = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});
