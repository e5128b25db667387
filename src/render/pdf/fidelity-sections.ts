// The detailed sections of the fidelity report, after its executive summary: scores by section and
// principle, every item with its evidence, the recommendations, the change since the previous review,
// the reviewers' agreement, and (last) the method and glossary.
import type { ScoredItem } from '../../core/score-item.js';
import { evidenceText } from '../evidence.js';
import { recommendationFor } from '../recommendation.js';
import { agreementBlocks, formatDate, signed } from '../score-view.js';
import { profileChart, scoreFill } from './charts.js';
import { COLORS, type TableCell } from './document.js';
import type { FidelityContext } from './fidelity-common.js';

const arrow = (d: number) => (d > 0 ? '↑' : d < 0 ? '↓' : '=');

/** The total and each section's score, the principle profile, and every strength and priority. */
export function scoresSection({ pdf, doc, m, r, max, itemOf, L }: FidelityContext): void {
  pdf.heading(m.t('fidelityReport.scores'));
  pdf.paragraph(
    r.total === null
      ? m.t('pdf.summaryIncomplete', { rated: r.rated, items: r.itemCount, mean: r.mean === null ? '—' : m.num(r.mean, 2) })
      : m.t('pdf.summaryComplete', { program: r.program.name, total: r.total, max: r.max, band: L(r.band!.label), mean: m.num(r.mean!, 2) }),
  );
  pdf.table(
    [
      { title: m.t('col.section'), width: 4 },
      { title: m.t('col.score'), width: 1.2, align: 'right' },
      { title: m.t('col.max'), width: 1, align: 'right' },
      { title: m.t('col.rated'), width: 1.2, align: 'right' },
      { title: m.t('col.mean'), width: 1.2, align: 'right' },
    ],
    [
      ...r.sections.map((s) => [
        { text: `${s.code} — ${L(r.scale.sections.find((x) => x.id === s.id)?.name)}` },
        { text: s.score === null ? '—' : String(s.score), bold: true },
        { text: String(s.max) },
        { text: `${s.rated}/${s.items}` },
        { text: s.mean === null ? '—' : m.num(s.mean, 2) },
      ]),
      [
        { text: m.t('col.total'), bold: true },
        { text: r.total === null ? '—' : String(r.total), bold: true },
        { text: String(r.max) },
        { text: `${r.rated}/${r.itemCount}` },
        { text: r.mean === null ? '—' : m.num(r.mean, 2) },
      ],
    ],
  );
  pdf.heading(m.t('pdf.profile', { framework: L(r.framework.name) }), 2);
  // An incomplete review: each mean says how many items it rests on, as in the terminal.
  const rests = (p: (typeof r.principles)[number]) =>
    r.complete ? '' : ` · ${m.t('reports.principleRated', { rated: p.rated, items: p.items.length })}`;
  const bars = r.principles.map((p) => ({
    label: `${L(r.framework.principles.find((x) => x.id === p.id)?.label)} (${p.items.join(' ')})${rests(p)}`,
    value: p.mean,
    note: p.mean === null ? '' : m.num(p.mean, 2),
  }));
  pdf.figure(
    m.t('pdf.profileAlt', { list: bars.map((b) => `${b.label}: ${b.value === null ? '—' : m.num(b.value, 2)}`).join('; ') }),
    bars.length * 24 + 14,
    (x, y, w) => profileChart(doc, x, y, w, bars, max, m.t('evidence.unrated')),
  );
  pdf.paragraph(m.t('french.principleMapping'), { color: COLORS.muted, size: 8.5 });

  const rated = r.items.filter((i) => i.score !== null);
  const strengths = rated.filter((i) => i.score === max);
  const priorities = [...rated].filter((i) => i.score! <= 3).sort((a, b) => a.score! - b.score!);
  pdf.heading(m.t('pdf.strengths'), 2);
  pdf.paragraph(strengths.length ? strengths.map((i) => `${i.code} ${L(itemOf.get(i.id)!.name)}`).join(' · ') : m.t('pdf.noStrengths'));
  pdf.heading(m.t('pdf.priorities'), 2);
  pdf.paragraph(
    priorities.length ? priorities.map((i) => `${i.code} ${L(itemOf.get(i.id)!.name)} (${i.score})`).join(' · ') : m.t('pdf.noPriorities'),
  );
}

/** An item's evidence; an item the reviewers rated without a consensus yet says what remains to reconcile. */
function evidenceOf({ m, r, itemOf }: FidelityContext, i: ScoredItem): string {
  const a = r.agreement;
  const base = a?.noConsensus.includes(i.code)
    ? m.t('fidelityReport.reconcileItem', {
        list: a.byReviewer.flatMap((x) => (x.scores[i.code] === undefined ? [] : [`${x.name} ${x.scores[i.code]}`])).join(', '),
      })
    : evidenceText(itemOf.get(i.id)!, i, m);
  return base + (i.note ? `\n${i.note}` : '');
}

/** Every item: code, name, score and the evidence behind it. */
export function itemsSection(c: FidelityContext): void {
  const { pdf, m, r, max, itemOf, L } = c;
  pdf.heading(m.t('pdf.items'));
  pdf.table(
    [
      { title: m.t('col.code'), width: 0.7 },
      { title: m.t('col.item'), width: 3 },
      { title: m.t('col.score'), width: 0.8, align: 'center' },
      { title: m.t('pdf.evidenceNote'), width: 6.5 },
    ],
    r.items.map((i) => [
      { text: i.code, bold: true },
      { text: L(itemOf.get(i.id)!.name) },
      { text: i.score === null ? '—' : String(i.score), fill: scoreFill(i.score, max), bold: true },
      { text: evidenceOf(c, i) },
    ]),
    { size: 8.5 },
  );
}

/** The recommendation of every item below the top score, lowest scores first. */
export function recommendationsSection({ pdf, m, r, max, itemOf, L }: FidelityContext): void {
  const below = r.items.filter((i) => i.score !== null && i.score < max);
  pdf.heading(m.t('pdf.recommendations'));
  pdf.paragraph(m.t('pdf.recommendationsIntro'), { color: COLORS.muted, size: 9 });
  if (below.length === 0) pdf.paragraph(m.t('pdf.noRecommendations'));
  else {
    pdf.table(
      [
        { title: m.t('col.code'), width: 0.7 },
        { title: m.t('col.item'), width: 2.6 },
        { title: m.t('pdf.nowNext'), width: 1.1, align: 'center' },
        { title: m.t('pdf.recommendation'), width: 6.6 },
      ],
      [...below]
        .sort((a, b) => a.score! - b.score!)
        .map((i) => {
          const item = itemOf.get(i.id)!;
          return [
            { text: i.code, bold: true },
            { text: L(item.name) },
            { text: `${i.score} → ${i.score! + 1}`, fill: scoreFill(i.score, max) },
            { text: recommendationFor(item, i, m, max) ?? '' },
          ];
        }),
      { size: 8.5 },
    );
  }
  const toReconcile = new Set(r.agreement?.noConsensus ?? []);
  const unrated = r.items.filter((i) => i.score === null && !toReconcile.has(i.code));
  if (unrated.length) pdf.paragraph(m.t('pdf.unratedList', { list: unrated.map((i) => i.code).join(', ') }), { color: COLORS.muted });
  if (toReconcile.size)
    pdf.paragraph(m.t('fidelityReport.reconcileNoRecommendation', { list: [...toReconcile].join(', ') }), { color: COLORS.muted });
}

/** Sections and items against the previous review. */
export function changeSection({ pdf, m, r, previous, max, itemOf, L }: FidelityContext): void {
  if (!previous) return;
  const before = formatDate(previous.date, m);
  const now = formatDate(r.date, m);
  pdf.heading(m.t('pdf.change', { date: before }));
  const prevOf = new Map(previous.items.map((i) => [i.id, i.score]));
  pdf.table(
    [
      { title: m.t('col.section'), width: 3 },
      { title: before, width: 1.4, align: 'right' },
      { title: now, width: 1.4, align: 'right' },
      { title: m.t('pdf.delta'), width: 1.2, align: 'right' },
    ],
    [
      ...r.sections.map((s) => {
        const p = previous.sections.find((x) => x.id === s.id);
        return [
          { text: L(r.scale.sections.find((x) => x.id === s.id)?.name) },
          { text: p?.score === null || !p ? '—' : String(p.score) },
          { text: s.score === null ? '—' : String(s.score) },
          { text: p && p.score !== null && s.score !== null ? signed(s.score - p.score) : '—' },
        ];
      }),
      [
        { text: m.t('col.total'), bold: true },
        { text: previous.total === null ? '—' : String(previous.total), bold: true },
        { text: r.total === null ? '—' : String(r.total), bold: true },
        { text: previous.total !== null && r.total !== null ? signed(r.total - previous.total) : '—', bold: true },
      ],
    ],
  );
  pdf.table(
    [
      { title: m.t('col.code'), width: 0.7 },
      { title: m.t('col.item'), width: 4 },
      { title: before, width: 1.3, align: 'center' },
      { title: now, width: 1.3, align: 'center' },
      { title: m.t('pdf.delta'), width: 1, align: 'center' },
    ],
    r.items.map((i): TableCell[] => {
      const p = prevOf.get(i.id) ?? null;
      const d = p !== null && i.score !== null ? i.score - p : null;
      return [
        { text: i.code, bold: true },
        { text: L(itemOf.get(i.id)!.name) },
        { text: p === null ? '—' : String(p), fill: scoreFill(p, max) },
        { text: i.score === null ? '—' : String(i.score), fill: scoreFill(i.score, max) },
        {
          text: d === null ? '—' : `${arrow(d)} ${d === 0 ? '' : signed(d)}`.trim(),
          bold: d !== null && d !== 0,
          color: d === null || d === 0 ? COLORS.muted : d > 0 ? COLORS.best : COLORS.poor,
        },
      ];
    }),
    { size: 8.5 },
  );
}

/** Agreement of the reviewers' own ratings: the same sentences as the terminal. */
export function agreementSection({ pdf, m, r }: FidelityContext): void {
  if (!r.agreement) return;
  const [heading, ...lines] = agreementBlocks(r, m);
  pdf.heading(heading!.kind === 'heading' ? heading!.text : m.t('agreement.title'));
  for (const b of lines) if (b.kind === 'line') pdf.paragraph(b.text, { size: 9.5 });
}

/** About this review (the facts of the cover), the method, the scale's notes and the glossary. */
export function methodSection({ pdf, m, r, L }: FidelityContext): void {
  pdf.ensure(200); // the facts and the start of the method together
  pdf.heading(m.t('fidelityReport.about'));
  pdf.facts([
    [m.t('pdf.reviewDate'), formatDate(r.date, m)],
    ...(r.type ? [[m.t('pdf.reviewType'), m.t(`reviewType.${r.type}`)] as [string, string]] : []),
    ...(r.reviewers.length ? [[m.t('pdf.reviewers'), r.reviewers.join(', ')] as [string, string]] : []),
    ...(r.period ? [[m.t('pdf.period'), m.t('pdf.fromTo', { from: r.period.from, to: r.period.to })] as [string, string]] : []),
    [m.t('pdf.scale'), `${L(r.scale.name)} · ${L(r.scale.version)}`],
    [m.t('pdf.framework'), L(r.framework.name)],
  ]);
  pdf.heading(m.t('pdf.method'));
  for (const key of ['scoring', 'thresholds', 'perSpecialist', 'incomplete', 'principles'])
    pdf.paragraph(m.t(`pdf.methodText.${key}`, { scale: L(r.scale.name), version: L(r.scale.version), framework: L(r.framework.name) }), { size: 9 });
  for (const note of r.scale.notes) pdf.paragraph(`• ${L(note)}`, { size: 8.5, color: COLORS.muted });
  pdf.heading(m.t('pdf.glossary'), 2);
  for (const term of ['ips', 'specialist', 'fidelity', 'anchor', 'band', 'principle', 'competitive'])
    pdf.paragraph(`${m.t(`pdf.terms.${term}.term`)} — ${m.t(`pdf.terms.${term}.text`)}`, { size: 9 });
}
