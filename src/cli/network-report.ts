// `report DIR... -o network.pdf`: the network report of several program folders (their records and the
// reviews in their reviews/ subfolders), with review files or ratings tables given beside them.
import { dirname, resolve } from 'node:path';
import { groupByProgram, groupProgram, sameProgram, withGroupProgram } from '../core/identity.js';
import { latestDate } from '../core/next-review.js';
import type { ScoredReview } from '../core/score-review.js';
import { readNetworkYaml, reviewFilesIn } from '../read/network-folder.js';
import type { Paper } from '../render/pdf/document.js';
import type { NetworkReportProgram } from '../render/pdf/network-report.js';
import { networkRun, type OutcomesOptions } from './commands/outcomes.js';
import type { OptionsOf } from './options.js';
import type { ReadOptions } from './pipeline.js';
import { Exit, EXIT, makeContext } from './context.js';
import { fail, pdfOptions, readAndScore, writePdf } from './pipeline.js';

export async function runNetworkReport(folders: string[], others: string[], opts: OptionsOf<'report'> & ReadOptions, paper: Paper): Promise<void> {
  const early = makeContext(opts);
  if (opts.previous) fail(early, 'networkReport.previous', {});
  if (opts.outcomes) fail(early, 'networkReport.outcomes', {});
  if (opts.by !== undefined && opts.by !== 'quarter') fail(early, 'networkReport.byQuarter', { value: opts.by });
  // network.yaml, in the folder that holds the program folders (all of them, or it is not the network's).
  const parents = [...new Set(folders.map((f) => dirname(resolve(f))))];
  const named = parents.length === 1 ? readNetworkYaml(parents[0]!) : { network: null, problems: [] };
  if (early.report(named.problems) > 0) throw new Exit(EXIT.invalid);

  // Outcomes: each program folder as `outcomes` reads it, over the network's one window.
  const outcomeOpts: OutcomesOptions = {
    ...opts,
    by: 'quarter',
    convention: (opts.convention ?? 'standard') as OutcomesOptions['convention'],
    minCell: opts.minCell ?? 5,
    format: 'table',
    output: undefined,
  };
  const run = await networkRun(folders, [], outcomeOpts);
  const ctx = run.ctx;
  // Reviews: each folder's reviews/ and the files given beside the folders, scored as `score` scores them.
  const reviewFiles = [...folders.flatMap(reviewFilesIn), ...others];
  const scored: ScoredReview[] = reviewFiles.length ? (await readAndScore(reviewFiles, opts)).scored : [];
  const groups = groupByProgram(scored).map(withGroupProgram);

  const used = new Set<number>();
  const programs: NetworkReportProgram[] = run.programs.map((p) => {
    const s = p.folder.records.settings;
    const program = { name: s.name, ...(s.id ? { id: s.id } : {}), ...(s.site ? { site: s.site } : {}) };
    const k = groups.findIndex((g, i) => !used.has(i) && sameProgram({ program, date: null }, g[0]!));
    if (k >= 0) used.add(k);
    return { program, reviews: k >= 0 ? groups[k]! : [], outcomes: p.result?.outcomes ?? null };
  });
  // Programs reviewed whose folder is not given: their fidelity, "no records".
  groups.forEach((g, i) => {
    if (!used.has(i)) programs.push({ program: groupProgram(g), reviews: g, outcomes: null });
  });
  if (programs.length === 0) {
    ctx.report(folders.map((d) => ({ file: d, severity: 'error' as const, key: 'records.noWindow' })));
    throw new Exit(EXIT.invalid);
  }
  const asOf = latestDate([...scored.map((r) => r.date), run.window?.to ?? null]) ?? '2000-01-01';
  const title = opts.title ?? named.network?.name ?? ctx.m.t('networkReport.defaultTitle', { count: programs.length });
  const id = opts.title === undefined ? named.network?.id : undefined;
  const { networkReportPdf } = await import('../render/pdf/network-report.js');
  const bytes = await networkReportPdf(
    { title, ...(id ? { id } : {}), programs, network: run.network, asOf, minCell: run.network?.minCell ?? Number(outcomeOpts.minCell) },
    ctx.m,
    pdfOptions({ ...opts, paper }, asOf, ctx),
  );
  writePdf(ctx, bytes, opts.output!, 'networkReport.kind');
}
