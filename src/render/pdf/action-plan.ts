// The action plan of the fidelity report: a table the program can print and fill. The actions given,
// then a blank row for every item below the top score that has none (all of them when no action is
// given), lowest scores first, with room to write by hand.
import { formatDate } from '../score-view.js';
import { scoreFill } from './charts.js';
import { COLORS, type TableCell } from './document.js';
import type { FidelityContext } from './fidelity-common.js';
import { prioritiesOf } from './fidelity-summary.js';

export function actionPlanSection({ pdf, m, r, max, itemOf, L, cycle }: FidelityContext): void {
  pdf.newPageIfPastHalf();
  pdf.heading(m.t('fidelityReport.actionPlan'));
  const actions = cycle.actions?.rows ?? [];
  const order = new Map(r.items.map((i, k) => [i.code, k]));
  const byCode = new Map(r.items.map((i) => [i.code, i]));
  const withAction = new Set(actions.map((a) => a.item));
  const blank = prioritiesOf(r.items, max).filter((i) => !withAction.has(i.code));
  pdf.paragraph(m.t(actions.length ? 'fidelityReport.actionPlanIntro' : 'fidelityReport.actionPlanBlank'), { color: COLORS.muted, size: 9 });
  if (actions.length === 0 && blank.length === 0) {
    pdf.paragraph(m.t('pdf.noRecommendations'));
    return;
  }
  const itemCell = (code: string): TableCell => {
    const s = byCode.get(code);
    return { text: s ? `${code} ${L(itemOf.get(s.id)!.name)}` : code };
  };
  const scoreCell = (code: string): TableCell => {
    const score = byCode.get(code)?.score ?? null;
    return { text: score === null ? '—' : score < max ? `${score} → ${score + 1}` : String(score), fill: scoreFill(score, max) };
  };
  const given = [...actions]
    .sort((a, b) => (order.get(a.item) ?? Infinity) - (order.get(b.item) ?? Infinity))
    .map((a): TableCell[] => [
      itemCell(a.item),
      scoreCell(a.item),
      { text: a.action },
      { text: a.owner ?? '' },
      { text: a.due ? formatDate(a.due, m) : '', ...(a.overdue ? { color: COLORS.poor, bold: true } : {}) },
      { text: m.t(`fidelityReport.status.${a.status}`) + (a.overdue ? ` · ${m.t('fidelityReport.overdue')}` : '') },
    ]);
  const empty = blank.map((i): TableCell[] => [itemCell(i.code), scoreCell(i.code), { text: '' }, { text: '' }, { text: '' }, { text: '' }]);
  pdf.table(
    [
      { title: m.t('col.item'), width: 2.4 },
      { title: m.t('fidelityReport.col.target'), width: 0.9, align: 'center' },
      { title: m.t('fidelityReport.col.action'), width: 3.4 },
      { title: m.t('fidelityReport.col.owner'), width: 1.5 },
      { title: m.t('fidelityReport.col.due'), width: 1.3 },
      { title: m.t('fidelityReport.col.status'), width: 1.3 },
    ],
    [...given, ...empty],
    { size: 8.5, minRow: 28 },
  );
}
