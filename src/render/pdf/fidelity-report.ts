// The PDF fidelity report of one review: cover, summary, items with evidence, recommendations,
// change since the previous review, method and glossary.
import type { Messages } from '../../i18n/locale.js';
import type { ScoredReview } from '../../core/score-review.js';
import type { Band } from '../../scale/schema.js';
import { localize } from '../../scale/scale.js';
import { evidenceText } from '../evidence.js';
import { agreementBlocks, bandTone, signed, formatDate, programTitle } from '../score-view.js';
import { bandScale, profileChart, scoreFill, type BandSpan } from './charts.js';
import { COLORS, PdfWriter, type Paper } from './document.js';

export interface ReportOptions {
  paper: Paper;
  pdfa: boolean;
  /** Document date: from the data, or SOURCE_DATE_EPOCH. */
  date: Date;
}

/** Band colour: the colour of the band's tone (bandTone: best at the top, poor at the bottom). */
export function bandColor(bands: Band[], band: Band | null): string {
  return COLORS[bandTone(bands, band)];
}

/** The band's colour for text: its hue, dark enough for 4.5:1 contrast on white and on COLORS.fill (WCAG AA). */
export function bandTextColor(bands: Band[], band: Band | null): string {
  const c = bandColor(bands, band);
  return c === COLORS.good ? '#2e6b1f' : c === COLORS.fair ? '#7a5a00' : c;
}

export function bandSpans(r: ScoredReview, m: Messages): BandSpan[] {
  return [...r.scale.bands]
    .map((b, i) => ({ label: localize(b.label, m.lang), from: Math.max(b.min, r.scale.minTotal), to: i === 0 ? r.max : r.scale.bands[i - 1]!.min - 1, color: bandColor(r.scale.bands, b) }))
    .reverse();
}

const arrow = (d: number) => (d > 0 ? '↑' : d < 0 ? '↓' : '=');

export async function fidelityReportPdf(r: ScoredReview, previous: ScoredReview | null, m: Messages, opts: ReportOptions): Promise<Buffer> {
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
  const title = m.t('pdf.fidelity.title');
  const pdf = new PdfWriter({ title: `${title} — ${r.program.name}`, subject: m.t('pdf.fidelity.subject', { scale: r.scale.id.toUpperCase() }), header: `${programTitle(r)} · ${formatDate(r.date, m)}`, m, ...opts });
  const doc = pdf.doc;
  const max = r.scale.scoreRange.max;

  // Cover
  doc.moveDown(3);
  pdf.paragraph(title.toUpperCase(), { color: COLORS.muted, bold: true, size: 11 });
  pdf.title(r.program.name, 26);
  pdf.paragraph([r.program.site, r.program.id].filter(Boolean).join(' · '), { size: 13, color: COLORS.muted, gap: 1.5 });
  pdf.facts([
    [m.t('pdf.reviewDate'), formatDate(r.date, m)],
    ...(r.type ? [[m.t('pdf.reviewType'), m.t(`reviewType.${r.type}`)] as [string, string]] : []),
    ...(r.reviewers.length ? [[m.t('pdf.reviewers'), r.reviewers.join(', ')] as [string, string]] : []),
    ...(r.period ? [[m.t('pdf.period'), m.t('pdf.fromTo', { from: r.period.from, to: r.period.to })] as [string, string]] : []),
    [m.t('pdf.scale'), `${L(r.scale.name)} · ${L(r.scale.version)}`],
    [m.t('pdf.framework'), L(r.framework.name)],
  ]);
  doc.moveDown(1.5);
  const boxY = doc.y;
  const color = r.total === null ? COLORS.muted : bandColor(r.scale.bands, r.band);
  pdf.artifact(() => {
    doc.save().roundedRect(pdf.left, boxY, pdf.width, 74, 6).fill(COLORS.fill).restore();
    doc.save().rect(pdf.left, boxY, 8, 74).fill(color).restore();
  });
  const resultText = r.total === null ? m.t('pdf.incompleteTotal', { rated: r.rated, items: r.itemCount }) : `${r.total} / ${r.max}`;
  const bandText = r.total === null ? m.t('pdf.incompleteNote') : L(r.band!.label);
  pdf.figure(m.t('pdf.resultAlt', { result: resultText, band: bandText }), 74, (x) => {
    doc.font('Bold').fontSize(r.total === null ? 16 : 30).fillColor(COLORS.text).text(resultText, x + 24, boxY + 12, { width: pdf.width - 40, lineBreak: false });
    doc.font('Bold').fontSize(13).fillColor(r.total === null ? COLORS.muted : bandTextColor(r.scale.bands, r.band)).text(bandText, x + 24, boxY + 50, { width: pdf.width - 40, lineBreak: false, ellipsis: true });
  });
  doc.moveDown(0.8);
  const total = r.total;
  if (total !== null) {
    pdf.figure(m.t('pdf.bandScaleAlt', { total, band: bandText }), 74, (x, y, w) => bandScale(doc, x, y + 8, w, bandSpans(r, m), r.scale.minTotal, r.max, total, m.t('pdf.marker', { total })));
  }
  if (previous && previous.total !== null && r.total !== null) {
    pdf.paragraph(m.t('pdf.changeLine', { date: formatDate(previous.date, m), from: previous.total, to: r.total, delta: signed(r.total - previous.total!) }), { bold: true });
  }

  // Summary
  pdf.newPage();
  pdf.heading(m.t('pdf.summary'));
  pdf.paragraph(
    r.total === null
      ? m.t('pdf.summaryIncomplete', { rated: r.rated, items: r.itemCount, mean: r.mean === null ? '—' : m.num(r.mean, 2) })
      : m.t('pdf.summaryComplete', { program: r.program.name, total: r.total, max: r.max, band: L(r.band!.label), mean: m.num(r.mean!, 2) }),
  );
  pdf.table(
    [{ title: m.t('col.section'), width: 4 }, { title: m.t('col.score'), width: 1.2, align: 'right' }, { title: m.t('col.max'), width: 1, align: 'right' }, { title: m.t('col.rated'), width: 1.2, align: 'right' }, { title: m.t('col.mean'), width: 1.2, align: 'right' }],
    [
      ...r.sections.map((s) => [
        { text: `${s.code} — ${L(r.scale.sections.find((x) => x.id === s.id)?.name)}` },
        { text: s.score === null ? '—' : String(s.score), bold: true },
        { text: String(s.max) },
        { text: `${s.rated}/${s.items}` },
        { text: s.mean === null ? '—' : m.num(s.mean, 2) },
      ]),
      [{ text: m.t('col.total'), bold: true }, { text: r.total === null ? '—' : String(r.total), bold: true }, { text: String(r.max) }, { text: `${r.rated}/${r.itemCount}` }, { text: r.mean === null ? '—' : m.num(r.mean, 2) }],
    ],
  );
  pdf.heading(m.t('pdf.profile', { framework: L(r.framework.name) }), 2);
  // An incomplete review: each mean says how many items it rests on, as in the terminal.
  const rests = (p: (typeof r.principles)[number]) => (r.complete ? '' : ` · ${m.t('reports.principleRated', { rated: p.rated, items: p.items.length })}`);
  const bars = r.principles.map((p) => ({
    label: `${L(r.framework.principles.find((x) => x.id === p.id)?.label)} (${p.items.join(' ')})${rests(p)}`,
    value: p.mean,
    note: p.mean === null ? '' : m.num(p.mean, 2),
  }));
  pdf.figure(m.t('pdf.profileAlt', { list: bars.map((b) => `${b.label}: ${b.value === null ? '—' : m.num(b.value, 2)}`).join('; ') }), bars.length * 24 + 14, (x, y, w) => profileChart(doc, x, y, w, bars, max, m.t('evidence.unrated')));
  pdf.paragraph(m.t('french.principleMapping'), { color: COLORS.muted, size: 8.5 });

  const rated = r.items.filter((i) => i.score !== null);
  const strengths = rated.filter((i) => i.score === max);
  const priorities = [...rated].filter((i) => i.score! <= 3).sort((a, b) => a.score! - b.score!);
  pdf.heading(m.t('pdf.strengths'), 2);
  pdf.paragraph(strengths.length ? strengths.map((i) => `${i.code} ${L(itemOf.get(i.id)!.name)}`).join(' · ') : m.t('pdf.noStrengths'));
  pdf.heading(m.t('pdf.priorities'), 2);
  pdf.paragraph(priorities.length ? priorities.map((i) => `${i.code} ${L(itemOf.get(i.id)!.name)} (${i.score})`).join(' · ') : m.t('pdf.noPriorities'));

  // Items
  pdf.newPage();
  pdf.heading(m.t('pdf.items'));
  pdf.table(
    [{ title: m.t('col.code'), width: 0.7 }, { title: m.t('col.item'), width: 3 }, { title: m.t('col.score'), width: 0.8, align: 'center' }, { title: m.t('pdf.evidenceNote'), width: 6.5 }],
    r.items.map((i) => {
      const item = itemOf.get(i.id)!;
      return [
        { text: i.code, bold: true },
        { text: L(item.name) },
        { text: i.score === null ? '—' : String(i.score), fill: scoreFill(i.score, max), bold: true },
        { text: evidenceText(item, i, m) + (i.note ? `\n${i.note}` : '') },
      ];
    }),
    { size: 8.5 },
  );

  // Recommendations: the next anchor of every item below the top score.
  const below = r.items.filter((i) => i.score !== null && i.score < max);
  pdf.heading(m.t('pdf.recommendations'));
  pdf.paragraph(m.t('pdf.recommendationsIntro'), { color: COLORS.muted, size: 9 });
  if (below.length === 0) pdf.paragraph(m.t('pdf.noRecommendations'));
  else {
    pdf.table(
      [{ title: m.t('col.code'), width: 0.7 }, { title: m.t('col.item'), width: 2.6 }, { title: m.t('pdf.nowNext'), width: 1.1, align: 'center' }, { title: m.t('pdf.recommendation'), width: 6.6 }],
      [...below]
        .sort((a, b) => a.score! - b.score!)
        .map((i) => {
          const item = itemOf.get(i.id)!;
          return [{ text: i.code, bold: true }, { text: L(item.name) }, { text: `${i.score} → ${i.score! + 1}`, fill: scoreFill(i.score, max) }, { text: L(item.anchors[String(i.score! + 1)]) }];
        }),
      { size: 8.5 },
    );
  }
  const unrated = r.items.filter((i) => i.score === null);
  if (unrated.length) pdf.paragraph(m.t('pdf.unratedList', { list: unrated.map((i) => i.code).join(', ') }), { color: COLORS.muted });

  // Change since the previous review
  if (previous) {
    pdf.heading(m.t('pdf.change', { date: formatDate(previous.date, m) }));
    const prevOf = new Map(previous.items.map((i) => [i.id, i.score]));
    pdf.table(
      [{ title: m.t('col.section'), width: 3 }, { title: formatDate(previous.date, m), width: 1.4, align: 'right' }, { title: formatDate(r.date, m), width: 1.4, align: 'right' }, { title: m.t('pdf.delta'), width: 1.2, align: 'right' }],
      [
        ...r.sections.map((s) => {
          const p = previous.sections.find((x) => x.id === s.id);
          return [{ text: L(r.scale.sections.find((x) => x.id === s.id)?.name) }, { text: p?.score === null || !p ? '—' : String(p.score) }, { text: s.score === null ? '—' : String(s.score) }, { text: p && p.score !== null && s.score !== null ? signed(s.score - p.score) : '—' }];
        }),
        [{ text: m.t('col.total'), bold: true }, { text: previous.total === null ? '—' : String(previous.total), bold: true }, { text: r.total === null ? '—' : String(r.total), bold: true }, { text: previous.total !== null && r.total !== null ? signed(r.total - previous.total) : '—', bold: true }],
      ],
    );
    pdf.table(
      [{ title: m.t('col.code'), width: 0.7 }, { title: m.t('col.item'), width: 4 }, { title: formatDate(previous.date, m), width: 1.3, align: 'center' }, { title: formatDate(r.date, m), width: 1.3, align: 'center' }, { title: m.t('pdf.delta'), width: 1, align: 'center' }],
      r.items.map((i) => {
        const p = prevOf.get(i.id) ?? null;
        const d = p !== null && i.score !== null ? i.score - p : null;
        return [
          { text: i.code, bold: true },
          { text: L(itemOf.get(i.id)!.name) },
          { text: p === null ? '—' : String(p), fill: scoreFill(p, max) },
          { text: i.score === null ? '—' : String(i.score), fill: scoreFill(i.score, max) },
          { text: d === null ? '—' : `${arrow(d)} ${d === 0 ? '' : signed(d)}`.trim(), bold: d !== null && d !== 0, color: d === null || d === 0 ? COLORS.muted : d > 0 ? COLORS.best : COLORS.poor },
        ];
      }),
      { size: 8.5 },
    );
  }

  // Agreement of the reviewers' own ratings: the same sentences as the terminal.
  if (r.agreement) {
    const [heading, ...lines] = agreementBlocks(r, m);
    pdf.heading(heading!.kind === 'heading' ? heading!.text : m.t('agreement.title'));
    for (const b of lines) if (b.kind === 'line') pdf.paragraph(b.text, { size: 9.5 });
  }

  // Method and glossary
  pdf.heading(m.t('pdf.method'));
  for (const key of ['scoring', 'thresholds', 'perSpecialist', 'incomplete', 'principles']) pdf.paragraph(m.t(`pdf.methodText.${key}`, { scale: L(r.scale.name), version: L(r.scale.version), framework: L(r.framework.name) }), { size: 9 });
  for (const note of r.scale.notes) pdf.paragraph(`• ${L(note)}`, { size: 8.5, color: COLORS.muted });
  pdf.heading(m.t('pdf.glossary'), 2);
  for (const term of ['ips', 'specialist', 'fidelity', 'anchor', 'band', 'principle', 'competitive']) pdf.paragraph(`${m.t(`pdf.terms.${term}.term`)} — ${m.t(`pdf.terms.${term}.text`)}`, { size: 9 });
  return pdf.finish();
}
