// What `outcomes DIR...` shows for several programs: one row per program and period, then the network total.
import type { Messages } from '../i18n/locale.js';
import type { NetworkOutcomes } from '../core/network.js';
import type { BenchmarkLevels } from '../scale/outcome-rules.js';
import type { PeriodOutcome } from '../core/outcomes.js';
import { benchmarkCell, periodName, rateColumns, rateText, windowLine } from './outcomes-view.js';
import type { ProgramResult } from './network-tables.js';
import type { Block, ViewCell } from './view.js';

/** A program as named in the table: its name, and its id when it has one. */
export const programLabel = (r: ProgramResult) => r.records.settings.name + (r.records.settings.id ? ` (${r.records.settings.id})` : '');

export function networkBlocks(programs: ProgramResult[], network: NetworkOutcomes, rules: { benchmarks: BenchmarkLevels }, m: Messages): Block[] {
  const row = (name: ViewCell, p: PeriodOutcome): ViewCell[] => [
    name,
    periodName(p, m),
    String(p.served),
    String(p.working),
    rateText(p.rate, m),
    benchmarkCell(p, rules.benchmarks, m),
    String(p.jobStarts),
  ];
  const total = { text: m.t('network.total'), tone: 'strong' as const };
  const periods = [...programs.flatMap((r) => r.outcomes.periods), ...network.periods];
  const M = network.measures;
  return [
    { kind: 'title', text: m.t('network.title', { n: programs.length }) },
    windowLine(network, m),
    { kind: 'heading', text: m.t('outcomes.rateTitle') },
    {
      kind: 'table',
      columns: [{ title: m.t('network.program'), wrap: true }, ...rateColumns(m)],
      // The program named on its first row only: its periods read as one group.
      rows: [
        ...programs.flatMap((r) => r.outcomes.periods.map((p, k) => row(k === 0 ? programLabel(r) : '', p))),
        ...network.periods.map((p, k) => row(k === 0 ? total : '', p)),
      ],
    },
    { kind: 'line', text: m.t('network.window', { served: M.served, working: M.working, rate: rateText(M.rate, m) }) },
    { kind: 'line', text: m.t('network.totalNote'), tone: 'muted' },
    { kind: 'line', text: m.t(network.convention === 'ips-grow' ? 'privacy.growNote' : 'outcomes.benchmarkNote', rules.benchmarks), tone: 'muted' },
    ...(periods.some((p) => p.partial) ? [{ kind: 'line' as const, text: m.t('privacy.partialNote'), tone: 'muted' as const }] : []),
  ];
}
