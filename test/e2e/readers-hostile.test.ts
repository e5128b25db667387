// Hostile inputs made here (issue 12): too many problems, the "no end" date, special files, zip
// bombs, YAML that expands or nests without end, misleading messages and odd values. Each ends in
// a clear message and its exit code, within seconds, never a crash (exit 3) or a hang.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from '../helpers.js';

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const dir = tempDir();
const file = (name: string, content: string | Uint8Array) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};

/** A zip archive; `declared` overrides an entry's uncompressed size in its headers (a lie, as bombs tell). */
function zip(entries: { name: string; data: Buffer; declared?: number; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.store ? 0 : 8, 8);
    head.writeUInt32LE(crc32(e.data), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    centrals.push(central, name);
    offset += head.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
/** A one-sheet workbook whose sheet XML is `sheet` (with optional size lie). */
function workbook(sheet: Buffer, declared?: number): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="ratings" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
    },
    // Style 1 is a date (number format 14).
    {
      name: 'xl/styles.xml',
      data: xml(
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(declared !== undefined ? { declared } : {}) },
  ]);
}
const sheetXml = (rows: string) =>
  xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
const inlineRow = (r: number, cells: (string | number)[]) =>
  `<row r="${r}">${cells.map((v, i) => (typeof v === 'number' ? `<c r="${String.fromCharCode(65 + i)}${r}"><v>${v}</v></c>` : `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`;

describe('more problems than can be kept', () => {
  it('300,000 unknown columns: counted, the first ones printed, no crash', () => {
    const f = file('cols.csv', 'program,date,item,score' + ',x'.repeat(300_000) + '\nP,2026-01-01,S1,4\n');
    const r = cli(['validate', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: … and 299,990 more of the same kind: unknown column "x" ignored');
    expect(r.stdout).toContain('300,000 warnings');
    noStack(r.stderr);
  });
  it('125,000 bad ratings: every error counted', () => {
    const f = file('rows.csv', 'program,date,item,score\n' + Array.from({ length: 125_000 }, (_, i) => `P${i},2026-01-01,S1,9\n`).join(''));
    const r = cli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: … and 124,900 more of the same kind: a score must be a whole number from 1 to 5');
    expect(r.stdout).toContain('125,000 errors');
  });
  it('125,000 jobs with as many unknown contracts: warnings counted, no crash', () => {
    const p = join(dir, 'contracts');
    mkdirSync(p);
    writeFileSync(join(p, 'participants.csv'), 'id,entry_date\np1,2025-01-01\n');
    writeFileSync(
      join(p, 'jobs.csv'),
      'participant,start_date,contract\n' + Array.from({ length: 125_000 }, (_, i) => `p1,2025-02-01,zzz${i}\n`).join(''),
    );
    const r = cli(['outcomes', p]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/and 124,990 more/);
    noStack(r.stderr);
  });
});

describe('the "no end" date 9999-12-31', () => {
  const p = join(dir, 'open-end');
  cpSync(fixture('programs', 'harbour'), p, { recursive: true });
  const edit = (f: string, from: RegExp, to: string) => {
    const path = join(p, f);
    writeFileSync(path, execFileSync('sed', ['-E', `2s/${from.source}/${to}/`, path]));
  };
  edit('jobs.csv', /2025-10-31/, '9999-12-31');
  edit('participants.csv', /2025-03-14/, '31\\/12\\/9999');
  writeFileSync(join(p, 'program.yaml'), 'program: {name: Open}\n');
  it('in a job end or an exit date: an open end, with a warning naming the cell', () => {
    const r = cli(['outcomes', p, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'jobs.csv:2:5: warning: the "no end" placeholder (year 9999) is read as an open end: no date (column end_date, value "9999-12-31")',
    );
    expect(r.stderr).toContain('participants.csv:2:3: warning: the "no end" placeholder');
    expect(JSON.parse(r.stdout).window.to).toBe('2026-03-31');
  });
  it("as --to: the data's last date, with a warning", () => {
    const r = cli(['outcomes', fixture('programs', 'harbour'), '--to', '9999-12-31', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: --to 9999-12-31 ("no end"): the window ends at the data\'s last date, 2026-03-31');
    expect(JSON.parse(r.stdout).window).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
  it('in a review date, and a year before 1900: an error that says why', () => {
    const f = file('years.csv', 'program,date,item,score\nP,9999-12-31,S1,4\nQ,0000-01-01,S1,4\nR,30/12/1899,S1,4\n');
    const r = cli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':2:2: error: a year 9999 date is the "no end" placeholder, not a date');
    expect(r.stderr).toContain(':3:2: error: a date before 1900');
    expect(r.stderr).toContain(':4:2: error: a date before 1900');
  });
});

describe('special files', () => {
  const fifo = join(dir, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);
  for (const [name, target] of [
    ['zero.yaml', '/dev/zero'],
    ['random.xlsx', '/dev/urandom'],
    ['zero.csv', '/dev/zero'],
  ] as const)
    symlinkSync(target, join(dir, name));
  it.each([
    ['/dev/zero', 'this is a device, not a file'],
    [join(dir, 'zero.yaml'), 'this is a device, not a file'],
    [join(dir, 'random.xlsx'), 'this is a device, not a file'],
    [join(dir, 'zero.csv'), 'this is a device, not a file'],
    [fifo, 'this is a pipe (FIFO), not a file'],
  ])('%s is refused at once', (path, message) => {
    const r = cli(['score', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: error: ${message}`);
  });
  it('a program folder whose tables are devices', () => {
    const p = join(dir, 'devices');
    mkdirSync(p);
    symlinkSync('/dev/zero', join(p, 'participants.csv'));
    symlinkSync('/dev/urandom', join(p, 'program.yaml'));
    const r = cli(['outcomes', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('participants.csv: error: this is a device, not a file');
    expect(r.stderr).toContain('program.yaml: error: this is a device, not a file');
  });
});

describe('workbooks', () => {
  const header = inlineRow(1, ['program', 'date', 'item', 'score']);
  it('a small valid workbook made here is read (the checks pass it)', () => {
    const r = cli(['score', file('ok.xlsx', workbook(sheetXml(header + inlineRow(2, ['P', '2026-01-01', 'S1', 4])))), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reviews[0].program.name).toBe('P');
  });
  it('Excel date serials 0 and -1 (1899, an empty date cell) are refused, not read as dates', () => {
    const date = (r: number, serial: number) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>P${r}</t></is></c><c r="B${r}" s="1"><v>${serial}</v></c><c r="C${r}" t="inlineStr"><is><t>S1</t></is></c><c r="D${r}"><v>4</v></c></row>`;
    const r = cli(['validate', file('serials.xlsx', workbook(sheetXml(header + date(2, 0) + date(3, -1) + date(4, 46023))))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/serials\.xlsx \[ratings!B2\]: error: a date before 1900/);
    expect(r.stderr).toMatch(/serials\.xlsx \[ratings!B3\]: error: (a date before 1900|not a date)/);
    expect(r.stderr).not.toContain('ratings!B4');
  });
  it('a part that declares 3 GiB unpacked is refused before unzipping', () => {
    const r = cli(['score', file('declared.xlsx', workbook(sheetXml(header), 3 * 1024 ** 3))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: the workbook's part xl/worksheets/sheet1.xml unpacks to more than 64 MB");
    expect(r.stderr).toContain('export the sheet as CSV');
  });
  it('a part that lies about its size (small declared, 65 MB inside) is stopped while inflating', () => {
    const bomb = Buffer.concat([sheetXml(header).subarray(0, -25), Buffer.alloc(65 * 1_048_576, 0x20), Buffer.from('</sheetData></worksheet>')]);
    const r = cli(['score', file('bomb.xlsx', workbook(bomb, 1000))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unpacks to more than 64 MB');
  });
  it('a sheet of more rows than a workbook may have: refused at once, export CSV', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1</v></c></row>`).join('');
    const r = cli(['score', file('rows.xlsx', workbook(sheetXml(header + rows)))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'a sheet (xl/worksheets/sheet1.xml) has 100,002 rows, more than the 100,000 a workbook may have here: export it as CSV',
    );
  });
  it('a password-protected workbook is called so, not a legacy .xls', () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(64),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]);
    const r = cli(['score', file('locked.xlsx', ole)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the workbook is password-protected: remove the password');
    expect(r.stderr).not.toContain('.xls ');
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('Workbook', 'utf16le'),
      Buffer.alloc(512),
    ]);
    const legacy = cli(['score', file('old.xlsx', xls)]);
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toContain('error: this is a legacy .xls workbook: save it as .xlsx');
  });
});

describe('YAML that expands or nests without end', () => {
  it('a 1.5M-element list aliased 24 times: refused in seconds', () => {
    const f = file(
      'aliases.yaml',
      'program: {name: X}\nreview: {date: 2026-01-01}\nx: &a [' + '1,'.repeat(1_500_000) + '1]\ny: [' + '*a,'.repeat(23) + '*a]\n',
    );
    const r = cli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the YAML holds more than 100,000 values (aliases expanded)');
  });
  it('a small list aliased until it explodes: refused by nodes counted, not alias uses', () => {
    const f = file(
      'expand.yaml',
      'program: {name: X}\nreview: {date: 2026-01-01}\na: &a [' + 'x,'.repeat(999) + 'x]\nb: &b [' + '*a,'.repeat(99) + '*a]\nc: [*b, *b]\n',
    );
    const r = cli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the YAML holds more than 100,000 values (aliases expanded)');
  });
  it('5 MB of nested brackets: refused at the line before parsing', () => {
    const r = cli(['score', file('nest.yaml', 'program: ' + '['.repeat(5_000_000) + '\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nest.yaml:1: error: the YAML is nested too deeply to be a review');
  });
  it('2,000,000 checklist elements: refused, no crash', () => {
    const r = cli([
      'score',
      file('elements.yaml', 'program: {name: X}\nreview: {date: 2026-01-01}\nitems:\n  S1:\n    elements: [' + 'zz,'.repeat(2_000_000) + 'zz]\n'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the YAML holds more than 100,000 values');
  });
  it('!!binary, an unresolved alias and a __proto__ key: each at its line', () => {
    const f = file(
      'odd.yaml',
      'program: {name: X}\nreview: {date: 2026-01-01}\nitems:\n  S1: {score: 4, note: !!binary aGVsbG8=}\n  S2: *nope\n__proto__: {a: 1}\n',
    );
    const r = cli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('odd.yaml:4:33: error: the tag !!binary is not accepted');
    expect(r.stderr).toContain('odd.yaml:5:7: error: alias *nope refers to no anchor');
    expect(r.stderr).toContain('odd.yaml:6:1: error: a key named __proto__ is not accepted');
    expect(r.stderr).not.toMatch(/readUInt|writeDouble/);
  });
});

describe('program.yaml tables outside the folder', () => {
  const p = join(dir, 'outside');
  cpSync(fixture('programs', 'harbour'), p, { recursive: true });
  symlinkSync('/etc/passwd', join(p, 'link.csv'));
  writeFileSync(
    join(p, 'program.yaml'),
    'program: {name: Out}\ntables: {participants: /etc/passwd, jobs: ../open-end/jobs.csv, contacts: link.csv}\n',
  );
  it('are refused at their key, never read (nothing of them echoed)', () => {
    const r = cli(['outcomes', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'program.yaml:2:24: error: the table /etc/passwd is outside the program folder: move it into the folder, or pass --allow-outside-tables (at tables.participants)',
    );
    expect(r.stderr).toContain('the table ../open-end/jobs.csv is outside the program folder');
    expect(r.stderr).toContain('the table link.csv is outside the program folder');
    expect(r.stderr).not.toContain('root:');
  });
  it('are read with --allow-outside-tables', () => {
    writeFileSync(join(p, 'program.yaml'), 'program: {name: Out}\ntables: {jobs: ../open-end/jobs.csv}\n');
    const r = cli(['outcomes', p, '--allow-outside-tables', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('open-end/jobs.csv:2:5: warning: the "no end" placeholder');
  });
});

describe('odd values', () => {
  it('a score of 3.9999999999999999 is not read as 4 (CSV and YAML)', () => {
    const csv = cli(['validate', file('round.csv', 'program,date,item,score\nP,2026-01-01,S1,3.9999999999999999\nP,2026-01-01,S2,"4,0"\n')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain(':2:4: error: a score must be a whole number from 1 to 5 (column score, value "3.9999999999999999")');
    expect(csv.stderr).not.toContain(':3:');
    const yaml = cli([
      'validate',
      file('round.yaml', 'program: {name: X}\nreview: {date: 2026-01-01}\nitems:\n  S1: {score: 3.9999999999999999}\n  S2: 4.0\n'),
    ]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toContain('round.yaml:4:15: error: 3.9999999999999999 is not a whole number as written');
    expect(yaml.stdout).toContain('1 error,');
  });
  it('"-0%" is a negative percentage, refused', () => {
    const r = cli(['validate', file('minus-zero.csv', 'program,date,item,score,value\nP,2026-01-01,S2,,-0%\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('value "-0%"');
  });
  it('NUL bytes past the first 4 KB are refused, never copied into outputs', () => {
    const csv = file(
      'nul.csv',
      Buffer.concat([Buffer.from('program,date,item,score,note\nP,2026-01-01,S1,4,' + 'y'.repeat(5000) + 'a'), Buffer.from([0]), Buffer.from('b\n')]),
    );
    const r = cli(['score', csv, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nul.csv:2:5: error: a NUL byte in the text');
    expect(r.stdout).toBe('');
    const yaml = file(
      'nul.yaml',
      Buffer.concat([
        Buffer.from('program: {name: X}\nreview: {date: 2026-01-01}\nitems:\n  S1: {score: 4, note: "' + 'z'.repeat(5000)),
        Buffer.from([0]),
        Buffer.from('"}\n'),
      ]),
    );
    const y = cli(['score', yaml, '--format', 'csv']);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('nul.yaml:4: error: a NUL byte in the text');
  });
});
