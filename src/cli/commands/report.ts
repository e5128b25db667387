// `ips-fidelity report <files...> -o FILE.pdf`: a fidelity report (one program), a portfolio
// (several programs), or an outcome report (--outcomes on a program folder).
import { groupByProgram, programLabel, sameProgram, withGroupProgram } from '../../core/identity.js';
import type { ScoredReview } from '../../core/score-review.js';
import type { Paper } from '../../render/pdf/document.js';
import type { ReportCycle } from '../../render/pdf/report-cycle.js';
import { fateOf } from '../../core/action-plan.js';
import { makeContext, UsageError } from '../context.js';
import { documentDate, fail, pdfOptions, readAndScore, writePdf } from '../pipeline.js';
import type { OptionsOf } from '../options.js';

/** The outcome options `report --outcomes` shares with `outcomes --pdf`; given without --outcomes, a usage error. */
const OUTCOME_OPTIONS = { by: '--by', from: '--from', to: '--to', convention: '--convention', minCell: '--min-cell' } as const;

/** The review cycle the report shows beside the ratings: the latest review's action plan and its next review date. */
function reportCycle(current: ScoredReview): ReportCycle {
  const cycle: ReportCycle = {};
  if (current.nextReview) cycle.nextReview = current.nextReview.date;
  const actions = current.actions ?? [];
  if (actions.length > 0) {
    const counts = { done: 0, open: 0, overdue: 0 };
    const rows = actions.map((a) => {
      const fate = fateOf(a.status, a.due, current.date);
      if (fate === 'done') counts.done++;
      else if (fate === 'overdue') counts.overdue++;
      else if (fate === 'open') counts.open++;
      const code = current.scale.items.find((i) => i.id === a.itemId)?.code ?? a.itemId;
      return {
        item: code,
        action: a.action,
        status: a.status,
        overdue: fate === 'overdue',
        ...(a.owner ? { owner: a.owner } : {}),
        ...(a.due ? { due: a.due } : {}),
      };
    });
    cycle.actions = { ...counts, rows };
  }
  return cycle;
}

export async function runReport(files: string[], opts: OptionsOf<'report'>): Promise<void> {
  if (!opts.output) throw new UsageError('usage.needsOutput', { command: 'report' });
  documentDate(null, makeContext(opts)); // a bad SOURCE_DATE_EPOCH stops the command before any reading
  const paper: Paper = opts.paper;
  if (opts.outcomes) {
    const { runOutcomes } = await import('./outcomes.js');
    if (files.length !== 1) throw new UsageError('usage.oneFolder');
    if (opts.previous) fail(makeContext(opts), 'reports.onlyWithout', { option: '--previous' });
    // The same path as `outcomes --pdf`: the same options, defaults, warnings and messages.
    return runOutcomes(files[0]!, {
      ...opts,
      by: opts.by ?? 'quarter',
      convention: opts.convention ?? 'standard',
      minCell: opts.minCell ?? 5,
      format: 'table',
      pdf: opts.output,
      output: undefined,
    });
  }
  // Program folders (or a folder of program folders): the network report when they are several.
  const { programFoldersIn } = await import('../../read/network-folder.js');
  const { isProgramFolder } = await import('../../read/files.js');
  const expanded = files.map((f) => ({ f, programs: programFoldersIn(f) }));
  const folders = expanded.flatMap((e) => e.programs ?? (isProgramFolder(e.f) ? [e.f] : []));
  if (folders.length > 1 || expanded.some((e) => e.programs)) {
    return (await import('../network-report.js')).runNetworkReport(
      folders,
      files.filter((f) => !isProgramFolder(f)),
      opts,
      paper,
    );
  }
  if (opts.title !== undefined) fail(makeContext(opts), 'networkReport.titleOnly', {});
  for (const [key, option] of Object.entries(OUTCOME_OPTIONS)) {
    if (opts[key as keyof typeof OUTCOME_OPTIONS] !== undefined) fail(makeContext(opts), 'reports.onlyWithOutcomes', { option });
  }
  const { ctx, scored } = await readAndScore(files, opts);
  let extra: ScoredReview[] = [];
  if (opts.previous) {
    extra = (await readAndScore([opts.previous], opts)).scored;
    // --previous is an earlier review of the same program: another program is a mistake, not a portfolio.
    const other = extra.find((x) => !scored.some((r) => sameProgram(x, r)));
    if (other) {
      const programs = [...new Set(scored.map((r) => programLabel(r.program)))].join(', ');
      fail(ctx, 'reports.previousOther', { file: opts.previous, previous: programLabel(other.program), program: programs });
    }
  }
  const groups = groupByProgram([...scored, ...extra]).map(withGroupProgram);
  let bytes: Buffer;
  if (groups.length === 1) {
    const history = groups[0]!;
    const current = history[history.length - 1]!;
    // The program's latest review, every earlier one forming its trajectory.
    const { fidelityReportPdf } = await import('../../render/pdf/fidelity-report.js');
    bytes = await fidelityReportPdf(history, ctx.m, pdfOptions({ ...opts, paper }, current.date, ctx), reportCycle(current));
  } else {
    const { portfolioPdf } = await import('../../render/pdf/portfolio-report.js');
    const latest = groups
      .map((g) => g[g.length - 1]!.date ?? '')
      .sort()
      .pop();
    bytes = await portfolioPdf(groups, ctx.m, pdfOptions({ ...opts, paper }, latest, ctx));
  }
  writePdf(ctx, bytes, opts.output, groups.length === 1 ? 'report.kindFidelity' : 'report.kindPortfolio');
}
