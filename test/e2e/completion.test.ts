// End to end: `ips-fidelity completion bash|zsh|fish` scripts, run in the real shells.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const scripts = { bash: '', zsh: '', fish: '' };
for (const shell of ['bash', 'zsh', 'fish'] as const) scripts[shell] = cli(['completion', shell]).stdout;

const dir = tempDir();
mkdirSync(join(dir, 'reviews'));
writeFileSync(join(dir, 'reviews', 'a.yaml'), '');
writeFileSync(join(dir, 'scores.csv'), '');
writeFileSync(join(dir, 'bash.sh'), scripts.bash);

/** What bash's completion function replies for the words typed so far (the last one being completed). */
function bash(...words: string[]): string[] {
  const r = spawnSync(
    'bash',
    [
      '-c',
      'source bash.sh; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _ips_fidelity; printf "%s\\n" "${COMPREPLY[@]}"',
      'bash',
      'ips-fidelity',
      ...words,
    ],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion', () => {
  it('is printed on standard output, exit 0', () => {
    const r = cli(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('complete -F _ips_fidelity ips-fidelity');
  });
  it('completes commands, and options of a command', () => {
    expect(bash('sc')).toEqual(['scales', 'score']);
    expect(bash('c')).toEqual(['completion', 'consensus']);
    expect(bash('score', '--sc')).toEqual(['--scale']);
    expect(bash('outcomes', '--min-')).toEqual(['--min-cell', '--min-rate', '--min-served']);
  });
  it('completes option values from the choices commander checks', () => {
    expect(bash('score', '--format', '')).toEqual(['csv', 'json', 'markdown', 'table', 'xlsx']);
    expect(bash('history', '--format', '')).toEqual(['json', 'markdown', 'table', 'xlsx']);
    expect(bash('outcomes', '--by', 'q')).toEqual(['quarter']);
    expect(bash('score', '--format', '=', 'j')).toEqual(['json']);
    expect(bash('completion', '')).toEqual(['bash', 'fish', 'zsh']);
    expect(bash('score', '--lang', '')).toEqual(['en', 'fr']);
  });
  it('completes scale and framework ids, and files for a path', () => {
    expect(bash('score', '--scale', '')).toEqual(['ips-15', 'ips-25']);
    expect(bash('score', '--principles', '')).toEqual(['8', '9']);
    expect(bash('scales', 'ips')).toEqual(['ips-15', 'ips-25']);
    expect(bash('score', '--scale', 'rev')).toEqual(['reviews']);
    expect(bash('score', '--min-level', '')).toEqual(['exemplary', 'fair', 'good']);
  });
  it('completes files for file arguments and outputs, nothing for numbers', () => {
    expect(bash('score', 'reviews/')).toEqual(['reviews/a.yaml']);
    expect(bash('score', 'reviews/a.yaml', '-o', 'sc')).toEqual(['scores.csv']);
    expect(bash('outcomes', '')).toEqual(['reviews']);
    expect(bash('score', '--min-total', '')).toEqual([]);
  });
  it('an unknown shell is a usage error listing the shells', () => {
    const r = cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish');
  });
});

// zsh completes only in its line editor: an interactive zsh in a pseudo-terminal (zsh/zpty) is typed each line,
// TAB included, then Enter; `ips-fidelity` there is a function that prints the words it was given.
const ZSH_DRIVER = `zmodload zsh/zpty
tab=$'\\t'
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; autoload -U compinit; compinit -u -D; source zsh.zsh; ips-fidelity() { print -r -- "ARGS:$*" }'
for line in "$@"; do zpty -w -n z "\${line//TAB/$tab}"$'\\n'; done
zpty -w z 'print END""OF""RUN; exit'
zpty -r z out '*ENDOFRUN*'
print -r -- \${out//$'\\r'/} | grep -a '^ARGS:'
`;

describe.skipIf(!has('zsh'))('zsh completion', () => {
  it('parses, and completes commands, choices, scale ids, bands and folders in a real zsh', () => {
    writeFileSync(join(dir, 'zsh.zsh'), scripts.zsh);
    writeFileSync(join(dir, 'driver.zsh'), ZSH_DRIVER);
    expect(spawnSync('zsh', ['-n', 'zsh.zsh'], { cwd: dir, encoding: 'utf8' }).stderr).toBe('');
    const typed = [
      'ips-fidelity scoTAB',
      'ips-fidelity score --format jTAB',
      'ips-fidelity score --scale ips-2TAB',
      'ips-fidelity score --min-lTABgTAB',
      'ips-fidelity outcomes revTAB',
    ];
    const r = spawnSync('zsh', ['-f', 'driver.zsh', ...typed], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'ARGS:score',
      'ARGS:score --format json',
      'ARGS:score --scale ips-25',
      'ARGS:score --min-level good',
      'ARGS:outcomes reviews',
    ]);
  });
});

describe.skipIf(!has('fish'))('fish completion', () => {
  it('completes commands, choices, scale ids and files in a real fish', () => {
    writeFileSync(join(dir, 'c.fish'), scripts.fish);
    expect(spawnSync('fish', ['--no-execute', 'c.fish'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
    const complete = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source c.fish; complete -C '${line}'`], { cwd: dir, encoding: 'utf8' });
      return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
        .sort();
    };
    expect(complete('ips-fidelity sc')).toEqual(['scales', 'score']);
    expect(complete('ips-fidelity score --format ')).toEqual(['csv', 'json', 'markdown', 'table', 'xlsx']);
    expect(complete('ips-fidelity score --scale ips')).toEqual(['ips-15', 'ips-25']);
    expect(complete('ips-fidelity score rev')).toEqual(['reviews/']);
  });
});
