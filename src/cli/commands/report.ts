// `ips-fidelity report <files...> -o FILE.pdf`: a fidelity report (one program), a portfolio
// (several programs), or an outcome report (--outcomes on a program folder).
import { normalizeName } from '../../read/values.js';
import type { ScoredReview } from '../../core/score-review.js';
import type { Paper } from '../../render/pdf/document.js';
import { emitOrExplain, UsageError, type CommonOptions } from '../context.js';
import { byProgramAndDate, checkChoice, readAndScore, type ScoreOptions } from './score.js';
import { visible } from '../../render/safe-text.js';

export interface ReportOptions extends CommonOptions {
  scale?: string;
  principles?: string;
  previous?: string;
  outcomes?: boolean;
  paper: string;
  pdfa?: boolean;
}

/** The document date: SOURCE_DATE_EPOCH when set, else the given date from the data; never the clock. */
export function documentDate(dataDate: string | null | undefined, env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${dataDate ?? '2000-01-01'}T00:00:00Z`);
}

export const programKey = (r: ScoredReview) => normalizeName(r.program.id ?? r.program.name);

/** Reviews grouped by program, each group oldest first. */
export function byProgram(reviews: ScoredReview[]): ScoredReview[][] {
  const groups = new Map<string, ScoredReview[]>();
  for (const r of [...reviews].sort(byProgramAndDate)) {
    const k = programKey(r);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  return [...groups.values()];
}

export async function runReport(files: string[], opts: ReportOptions): Promise<void> {
  checkChoice(opts.paper, ['a4', 'letter'], '--paper');
  if (!opts.output) throw new UsageError('usage.needsOutput', { command: 'report' });
  const paper = opts.paper as Paper;
  if (opts.outcomes) {
    const { runOutcomes } = await import('./outcomes.js');
    if (files.length !== 1) throw new UsageError('usage.oneFolder');
    return runOutcomes(files[0]!, { ...opts, by: 'quarter', convention: 'standard', minCell: '5', format: 'table', pdf: opts.output, output: undefined, quiet: true });
  }
  const scoreOpts = { ...opts, format: 'table', sort: 'scale', notes: true, layout: 'wide' } as ScoreOptions;
  const { ctx, scored } = await readAndScore(files, scoreOpts);
  let extra: ScoredReview[] = [];
  if (opts.previous) extra = (await readAndScore([opts.previous], scoreOpts)).scored;
  const groups = byProgram([...scored, ...extra]);
  const pdfOpts = { paper, pdfa: Boolean(opts.pdfa) };
  let bytes: Buffer;
  if (groups.length === 1) {
    const history = groups[0]!;
    const current = history[history.length - 1]!;
    const previous = history.length > 1 ? history[history.length - 2]! : null;
    const { fidelityReportPdf } = await import('../../render/pdf/fidelity-report.js');
    bytes = await fidelityReportPdf(current, previous, ctx.m, { ...pdfOpts, date: documentDate(current.date) });
  } else {
    const { portfolioPdf } = await import('../../render/pdf/portfolio-report.js');
    const latest = groups.map((g) => g[g.length - 1]!.date ?? '').sort().pop();
    bytes = await portfolioPdf(groups, ctx.m, { ...pdfOpts, date: documentDate(latest) });
  }
  emitOrExplain(ctx, bytes, opts.output);
  if (!ctx.quiet) process.stderr.write(ctx.m.t('report.wrote', { file: visible(opts.output), kind: ctx.m.t(groups.length === 1 ? 'report.kindFidelity' : 'report.kindPortfolio') }) + '\n');
}
