// The PDF outcome report of a program: quarterly employment rate against the 31/41/50% benchmarks,
// every measure with n and denominator, time to first job, contract mix, specialists, suppression notes.
import type { Messages } from '../../i18n/locale.js';
import type { ContractTable } from '../../core/contracts.js';
import type { Outcomes } from '../../core/outcomes.js';
import type { ProgramSettings } from '../../core/records.js';
import { localize } from '../../scale/scale.js';
import { benchmarkLines, byText, outcomesBlocks, periodLabel, periodName, rateText } from '../outcomes-view.js';
import { formatDate } from '../score-view.js';
import type { Block } from '../view.js';
import { rateChart } from './charts.js';
import { COLORS, PdfWriter } from './document.js';
import { drawBlock } from './blocks.js';
import type { ReportOptions } from './fidelity-common.js';

export async function outcomesReportPdf(
  o: Outcomes,
  settings: ProgramSettings,
  contracts: ContractTable,
  m: Messages,
  opts: ReportOptions,
): Promise<Buffer> {
  const title = m.t('pdf.outcomes.title');
  const program = [settings.name, settings.site].filter(Boolean).join(' — ') + (settings.id ? ` (${settings.id})` : '');
  const pdf = new PdfWriter({
    title: `${title} — ${settings.name}`,
    subject: m.t('pdf.outcomes.subject'),
    header: `${program} · ${formatDate(o.window.from, m)} – ${formatDate(o.window.to, m)}`,
    m,
    ...opts,
  });
  const doc = pdf.doc;
  pdf.paragraph(title.toUpperCase(), { color: COLORS.muted, bold: true, size: 11 });
  pdf.title(settings.name, 22);
  pdf.paragraph(
    m.t('outcomes.window', {
      from: formatDate(o.window.from, m),
      to: formatDate(o.window.to, m),
      by: byText(o.by, m),
      convention: m.t(`outcomes.convention.${o.convention}`),
    }),
    { color: COLORS.muted },
  );
  const M = o.measures;
  pdf.paragraph(
    m.t('pdf.outcomes.headline', {
      working: M.working,
      served: M.served,
      pct: M.rate === null ? '—' : m.pct(M.rate),
      from: formatDate(o.window.from, m),
      to: formatDate(o.window.to, m),
    }),
    { bold: true, size: 12 },
  );

  pdf.heading(m.t('outcomes.rateTitle'));
  const points = o.periods.map((p) => ({ label: periodLabel(p.label, m), rate: p.rate, text: rateText(p.rate, m), partial: p.partial }));
  // Benchmark lines only where a class is given: whole calendar quarters, 31/41/50% (standard) or 40% (IPS Grow).
  const classed = o.by === 'quarter' && o.periods.some((p) => !p.partial);
  const lines = classed ? benchmarkLines(o.rules.benchmarks, o.convention === 'ips-grow', m) : [];
  const list = o.periods.map((p) => `${periodName(p, m)}: ${rateText(p.rate, m)}`).join('; ');
  const alt = lines.length
    ? m.t('privacy.chartAltLines', { lines: lines.map((l) => m.pct(l.value, 0)).join(', '), list })
    : m.t('privacy.chartAlt', { list });
  pdf.figure(alt, 200, (x, y, w) => rateChart(doc, x, y, w, 200, points, lines, (r) => m.pct(r, 0), m.t('privacy.partialShort')));

  // The same tables as the terminal view, laid out for paper.
  const blocks = outcomesBlocks(o, settings, contracts, m);
  for (const b of blocks.slice(blocks.findIndex((x) => x.kind === 'table'))) emit(b);
  pdf.heading(m.t('pdf.outcomes.references'));
  for (const k of ['eqolise', 'trials', 'france']) pdf.paragraph(m.t(`pdf.outcomes.reference.${k}`), { size: 8.5, color: COLORS.muted });
  pdf.heading(m.t('pdf.method'));
  const B = o.rules.benchmarks;
  const convention =
    o.convention === 'ips-grow' ? m.t('finish.methodGrow', { ...B, paidHours: o.rules.hours.ipsGrowPaidHours }) : m.t('finish.methodStandard', B);
  const privacy =
    o.minCell > 0
      ? m.t('finish.methodPrivacy', { n: o.minCell, max: o.minCell - 1, hidden: m.t('privacy.hidden') })
      : m.t('finish.methodNoSuppression');
  pdf.paragraph(`${m.t('pdf.outcomes.method', { convention, limit: M.daysToFirstContact.limit })} ${privacy}`, { size: 8.5 });
  return pdf.finish();

  function emit(b: Block): void {
    drawBlock(pdf, b, { minWidth: 5, maxWidth: 40 });
  }
}

/** The French setting labels of the contract table, for the legend. */
export const settingLabel = (contracts: ContractTable, id: string, lang: string) =>
  localize(contracts.settings.find((s) => s.id === id)?.label, lang);
