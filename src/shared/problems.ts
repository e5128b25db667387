// Input problems: every reader collects them all, then the command reports them at once.

/** Where a problem is: a file and a line/column, or a workbook sheet and cell. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
}

export interface Problem extends Place {
  severity: 'error' | 'warning';
  /** Message key in the locale files, with its parameters. */
  key: string;
  params?: Record<string, string | number>;
  /** The column (tables) or key path (YAML) the value came from. */
  field?: string;
  fieldKind?: 'column' | 'key';
  /** The offending value, as read. */
  value?: string;
  /** How many more problems of the same kind were counted but not kept (see MAX_KEPT). */
  more?: number;
}

/** Problems of one kind (severity and key) kept per file; the rest are counted on the last one kept. */
export const MAX_KEPT = 1000;

/** Thrown by readers and loaders when input is invalid; carries every problem found. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.key).join(', '));
    this.name = 'InputError';
  }
}

/** Collects problems for one file, so call sites only say what is wrong and where. */
export class ProblemList {
  readonly items: Problem[] = [];
  /** Problems kept per kind, and the last one kept (which counts the rest). */
  private readonly kinds = new Map<string, { n: number; last: Problem }>();
  constructor(
    readonly file: string,
    /** Whether fields are table columns or YAML keys, for messages. */
    public fieldKind: 'column' | 'key' = 'column',
  ) {}

  error(at: Omit<Place, 'file'>, key: string, params: Problem['params'] = {}, field?: string, value?: string): void {
    this.add({ file: this.file, ...at, severity: 'error', key, params, field, fieldKind: this.fieldKind, value });
  }

  warn(at: Omit<Place, 'file'>, key: string, params: Problem['params'] = {}, field?: string, value?: string): void {
    this.add({ file: this.file, ...at, severity: 'warning', key, params, field, fieldKind: this.fieldKind, value });
  }

  /** Keep a problem, or count it on the last one kept of its kind when MAX_KEPT of them are kept. */
  add(p: Problem): void {
    if (p.severity === 'error') this.errors++;
    const kind = `${p.file}\u0000${p.severity}\u0000${p.key}`;
    const k = this.kinds.get(kind);
    if (k && k.n >= MAX_KEPT) k.last.more = (k.last.more ?? 0) + 1 + (p.more ?? 0);
    else {
      this.items.push(p);
      if (k) (k.n++, (k.last = p));
      else this.kinds.set(kind, { n: 1, last: p });
    }
  }

  /** Add problems found elsewhere (a worker thread, a loader), capped as every other. */
  addAll(problems: Iterable<Problem>): void {
    for (const p of problems) this.add(p);
  }

  private errors = 0;
  get hasErrors(): boolean {
    return this.errors > 0;
  }
}

/** Append problems one by one (never `push(...list)`: a long list would overflow the call stack). */
export function append(to: Problem[], from: Iterable<Problem>): void {
  for (const p of from) to.push(p);
}

/** Errors and warnings, counting those only counted (`more`). */
export function countProblems(problems: Iterable<Problem>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    const n = 1 + (p.more ?? 0);
    if (p.severity === 'error') errors += n;
    else warnings += n;
  }
  return { errors, warnings };
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}
