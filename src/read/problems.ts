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
}

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
  constructor(
    readonly file: string,
    /** Whether fields are table columns or YAML keys, for messages. */
    public fieldKind: 'column' | 'key' = 'column',
  ) {}

  error(at: Omit<Place, 'file'>, key: string, params: Problem['params'] = {}, field?: string, value?: string): void {
    this.items.push({ file: this.file, ...at, severity: 'error', key, params, field, fieldKind: this.fieldKind, value });
  }

  warn(at: Omit<Place, 'file'>, key: string, params: Problem['params'] = {}, field?: string, value?: string): void {
    this.items.push({ file: this.file, ...at, severity: 'warning', key, params, field, fieldKind: this.fieldKind, value });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}
