// The PDF fidelity report of a program's latest review: an executive summary on page 1 (result,
// trajectory, strengths and priorities, agreement, the review cycle), then the detailed sections
// (scores, items with evidence, recommendations, change since the previous review, agreement), the
// action plan to print and fill, and the method and glossary.
import type { Messages } from '../../i18n/locale.js';
import type { ScoredReview } from '../../core/score-review.js';
import { localize } from '../../scale/scale.js';
import { formatDate, programTitle } from '../score-view.js';
import { actionPlanSection } from './action-plan.js';
import { PdfWriter } from './document.js';
import type { FidelityContext, ReportOptions } from './fidelity-common.js';
import { agreementSection, changeSection, itemsSection, methodSection, recommendationsSection, scoresSection } from './fidelity-sections.js';
import { executiveSummary } from './fidelity-summary.js';
import type { ReportCycle } from './report-cycle.js';

export { bandColor, bandSpans, bandTextColor, type ReportOptions } from './fidelity-common.js';
export type { ReportCycle } from './report-cycle.js';

/** `history`: the program's reviews, oldest first; the last is reported, the others form its trajectory. */
export async function fidelityReportPdf(history: ScoredReview[], m: Messages, opts: ReportOptions, cycle: ReportCycle = {}): Promise<Buffer> {
  const r = history[history.length - 1]!;
  const title = m.t('pdf.fidelity.title');
  const pdf = new PdfWriter({
    title: `${title} — ${r.program.name}`,
    subject: m.t('pdf.fidelity.subject', { scale: r.scale.id.toUpperCase() }),
    header: `${programTitle(r)} · ${formatDate(r.date, m)}`,
    m,
    ...opts,
  });
  const c: FidelityContext = {
    pdf,
    doc: pdf.doc,
    m,
    r,
    history,
    previous: history.length > 1 ? history[history.length - 2]! : null,
    cycle,
    max: r.scale.scoreRange.max,
    itemOf: new Map(r.scale.items.map((i) => [i.id, i])),
    L: (t) => localize(t, m.lang),
  };
  executiveSummary(c);
  pdf.newPageIfPastHalf();
  for (const section of [scoresSection, itemsSection, recommendationsSection, changeSection, agreementSection, actionPlanSection, methodSection])
    section(c);
  return pdf.finish();
}
