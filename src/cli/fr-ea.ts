// `ips-fidelity outcomes <program> --convention fr-ea`: the French national indicators of emploi
// accompagné for a calendar year (--year) or a window (--from/--to), in every output format.
import { computeFrEa } from '../core/fr-ea.js';
import { readProgramFolder } from '../read/program-folder.js';
import { isProgramFolder, isWorkbook } from '../read/files.js';
import { loadContracts, loadOutcomeRules } from '../read/data-files.js';
import { frEaBlocks, frEaCsv } from '../render/fr-ea-view.js';
import type { View } from '../render/formats.js';
import { jsonText } from '../render/safe-text.js';
import { Exit, EXIT, makeContext } from './context.js';
import type { OptionsOf } from './options.js';
import { scaleChoice } from './scales-setup.js';
import { dataLang, documentDate, emitView, pdfOptions, writePdf, programWindow, windowOptions, type ReadOptions } from './pipeline.js';

export type FrEaCommandOptions = OptionsOf<'outcomes'> & ReadOptions;

export async function runFrEa(dir: string, opts: FrEaCommandOptions): Promise<void> {
  const minCell = opts.minCell;
  const { from, to } = windowOptions(opts);
  if (opts.pdf) documentDate(null, makeContext(opts)); // a bad SOURCE_DATE_EPOCH stops the command before any reading
  const contracts = loadContracts(opts.contracts);
  const rules = loadOutcomeRules(opts.outcomeRules);
  const choice = scaleChoice(opts);
  if (!isProgramFolder(dir) && !isWorkbook(dir)) {
    makeContext(opts).report([{ file: dir, severity: 'error', key: 'records.notFolder' }]);
    throw new Exit(EXIT.invalid);
  }
  // French data (program.yaml, French headers): its problems in French, as for the other outcomes.
  const sniffed = await dataLang([dir], opts);
  // Read as for fidelity: the employers of the jobs are kept (employers accompanied).
  const { folder, problems } = await readProgramFolder(dir, contracts, choice.resolve, 'fidelity', {
    allowOutsideTables: opts.allowOutsideTables,
    limits: rules.limits,
  });
  const ctx = makeContext(opts, folder?.lang ?? sniffed);
  if (ctx.report(problems) > 0 || !folder) throw new Exit(EXIT.invalid);
  const records = folder.records;
  const window = programWindow(ctx, dir, records, from, to, opts.to);
  // Options of the other conventions that have no meaning here are said, not silently dropped.
  for (const [option, given] of [
    ['--per-person', opts.perPerson],
    ['--min-rate', opts.minRate],
  ] as const)
    if (given !== undefined) ctx.warn(ctx.m.t('frEa.ignored', { option }));
  const indicators = computeFrEa(records, contracts, { window: { from: window.from, to: window.to }, minCell });

  const view: View = {
    json: () => {
      const s = records.settings;
      return (
        jsonText(
          JSON.stringify(
            { schemaVersion: 1, program: { name: s.name, id: s.id ?? null, site: s.site ?? null, country: s.country ?? null }, ...indicators },
            null,
            2,
          ),
        ) + '\n'
      );
    },
    csv: (style) => frEaCsv(indicators, style),
    blocks: () => frEaBlocks(indicators, records.settings, ctx.m),
  };
  if (opts.pdf) {
    const { frEaReportPdf } = await import('../render/pdf/fr-ea-report.js');
    const bytes = await frEaReportPdf(indicators, records.settings, ctx.m, pdfOptions(opts, window.to, ctx));
    writePdf(ctx, bytes, opts.pdf, 'frEa.pdf.title');
  }
  if (!opts.pdf || opts.output) await emitView(ctx, opts.format, view, opts.output);
}
