// Vector charts for the PDF reports: band scale, principle profile, rates with benchmarks, distribution.
// Every mark has a text label, so the charts read in greyscale too.
import { COLORS, segment } from './document.js';

type Doc = PDFKit.PDFDocument;

/** Light tints for scores 1–5 (distinct lightness), read with the number printed on them. */
export const SCORE_FILL = ['#f2b8b5', '#f9d9a8', '#fff1b0', '#cfe6c2', '#9ccc87'];
export const scoreFill = (score: number | null, max = 5) =>
  score === null ? '#ffffff' : SCORE_FILL[Math.max(0, Math.min(4, Math.round(((score - 1) / (max - 1)) * 4)))]!;

export interface BandSpan {
  label: string;
  from: number;
  to: number;
  color: string;
}

/** Text colour readable on a band colour. */
const onColor = (fill: string) => (fill === COLORS.fair || fill === COLORS.good ? COLORS.text : '#ffffff');

/** The total scale (e.g. 25–125) cut into bands (range inside, name below), with a marker at the total. */
export function bandScale(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  bands: BandSpan[],
  min: number,
  max: number,
  total: number | null,
  markerLabel: string,
): void {
  const h = 18;
  const barY = y + 18;
  const pos = (v: number) => x + ((v - min) / (max - min)) * width;
  for (const b of bands) {
    const x0 = pos(b.from);
    const x1 = pos(Math.min(b.to + 1, max));
    doc
      .save()
      .rect(x0, barY, x1 - x0, h)
      .fill(b.color)
      .restore();
    doc
      .save()
      .rect(x0, barY, x1 - x0, h)
      .lineWidth(1)
      .strokeColor('#ffffff')
      .stroke()
      .restore();
    doc
      .font('Bold')
      .fontSize(7.5)
      .fillColor(onColor(b.color))
      .text(`${b.from}–${b.to}`, x0, barY + 5, { width: x1 - x0, align: 'center', lineBreak: false });
    doc
      .font('Sans')
      .fontSize(7)
      .fillColor(COLORS.text)
      .text(b.label, x0 + 1, barY + h + 3, { width: x1 - x0 - 2, align: 'center', height: 26 });
  }
  if (total !== null) {
    const mx = pos(total);
    doc
      .save()
      .moveTo(mx, barY - 2)
      .lineTo(mx - 5, barY - 10)
      .lineTo(mx + 5, barY - 10)
      .closePath()
      .fill(COLORS.text)
      .restore();
    segment(doc, mx, barY - 2, mx, barY + h + 1, 1.5, COLORS.text);
    doc
      .font('Bold')
      .fontSize(9)
      .fillColor(COLORS.text)
      .text(markerLabel, Math.min(Math.max(x, mx - 60), x + width - 120), y - 6, { width: 120, align: 'center', lineBreak: false });
  }
}

export interface Bar {
  label: string;
  value: number | null;
  note: string;
}

/** Horizontal bars from 1 to `max` (a mean item score per principle), gridlines at each point. */
export function profileChart(doc: Doc, x: number, y: number, width: number, bars: Bar[], max: number, unrated: string): number {
  const labelW = width * 0.44;
  const chartX = x + labelW + 8;
  const chartW = width - labelW - 48;
  const rowH = 24;
  doc.font('Sans').fontSize(7.5).fillColor(COLORS.muted);
  for (let s = 1; s <= max; s++) {
    const gx = chartX + ((s - 1) / (max - 1)) * chartW;
    doc
      .save()
      .moveTo(gx, y)
      .lineTo(gx, y + rowH * bars.length)
      .lineWidth(0.4)
      .dash(2, { space: 2 })
      .strokeColor(COLORS.rule)
      .stroke()
      .undash()
      .restore();
    doc.text(String(s), gx - 5, y + rowH * bars.length + 2, { width: 10, align: 'center', lineBreak: false });
  }
  bars.forEach((b, i) => {
    const by = y + i * rowH;
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(COLORS.text)
      .text(b.label, x, by + 2, { width: labelW, height: rowH - 2, ellipsis: true, lineGap: -1 });
    if (b.value === null) {
      doc.fillColor(COLORS.muted).text(unrated, chartX, by + 5, { width: chartW, lineBreak: false });
      return;
    }
    const w = Math.max(2, ((b.value - 1) / (max - 1)) * chartW);
    doc
      .save()
      .rect(chartX, by + 5, w, rowH - 10)
      .fill(scoreFill(b.value, max))
      .restore();
    doc
      .save()
      .rect(chartX, by + 5, w, rowH - 10)
      .lineWidth(0.6)
      .strokeColor(COLORS.text)
      .stroke()
      .restore();
    doc
      .font('Bold')
      .fontSize(8.5)
      .fillColor(COLORS.text)
      .text(b.note, chartX + chartW + 6, by + 7, { width: 40, lineBreak: false });
  });
  return rowH * bars.length + 14;
}

export interface RatePoint {
  label: string;
  rate: number | null;
  /** The rate as the tables print it (the same rounded number as its benchmark class). */
  text: string;
  /** The window cuts the period: drawn lighter, marked below its label. */
  partial?: boolean;
}

/** The rate axis: a rule and a percentage every 20 points, from 0 to `top`, at the chart's left. */
function rateGrid(
  doc: Doc,
  g: { x: number; cx: number; cw: number; axisW: number; top: number; py: (rate: number) => number; pct: (r: number) => string },
): void {
  doc.font('Sans').fontSize(7.5).fillColor(COLORS.muted);
  for (let t = 0; t <= g.top + 1e-9; t += 0.2) {
    segment(doc, g.cx, g.py(t), g.cx + g.cw, g.py(t), 0.3, COLORS.rule);
    doc.text(g.pct(t), g.x, g.py(t) - 4, { width: g.axisW - 4, align: 'right', lineBreak: false });
  }
}

/**
 * Rates as bars (0–100%) with dashed, labelled benchmark lines (none when `lines` is empty). Value labels
 * sit on a backing of their own over the lines, upright when the bar is wide enough, else turned a quarter;
 * "2025-07"-like labels that do not fit print the month alone, with the year under the first of each year.
 */
export function rateChart(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  height: number,
  points: RatePoint[],
  lines: { value: number; label: string }[],
  pct: (r: number) => string,
  partialLabel: string,
): void {
  const axisW = 30;
  const cx = x + axisW;
  const cw = width - axisW - (lines.length ? 70 : 10);
  const head = 12;
  const ch = height - 38 - head;
  const top = Math.max(1, Math.ceil(points.reduce((x, p) => Math.max(x, p.rate ?? 0), 0.6) * 10) / 10);
  const py = (r: number) => y + head + ch - (r / top) * ch;
  rateGrid(doc, { x, cx, cw, axisW, top, py, pct });
  const slot = cw / Math.max(1, points.length);
  const bw = slot * 0.64;
  const bar = (i: number) => cx + i * slot + slot * 0.18;
  points.forEach((p, i) => {
    if (p.rate === null) return;
    if (p.partial) {
      doc
        .save()
        .rect(bar(i), py(p.rate), bw, py(0) - py(p.rate))
        .fill('#a9bdd3')
        .restore();
      doc
        .save()
        .rect(bar(i), py(p.rate), bw, py(0) - py(p.rate))
        .lineWidth(0.8)
        .dash(2, { space: 1.5 })
        .strokeColor(COLORS.accent)
        .stroke()
        .undash()
        .restore();
    } else
      doc
        .save()
        .rect(bar(i), py(p.rate), bw, py(0) - py(p.rate))
        .fill(COLORS.accent)
        .restore();
  });
  benchmarkLines(doc, cx, cw, py, lines, 66);
  // Value labels last, each on a backing that hides the lines under it (smaller when bars are very narrow).
  const size = Math.max(4.5, Math.min(7, bw / 1.1));
  doc.font('Bold').fontSize(size);
  points.forEach((p, i) => {
    if (p.rate === null) return;
    const tw = doc.widthOfString(p.text);
    const barTop = py(p.rate);
    const barH = py(0) - barTop;
    const cxBar = bar(i) + bw / 2;
    if (tw + 4 <= slot) {
      const ty = barTop - 11;
      doc
        .save()
        .rect(cxBar - tw / 2 - 1.5, ty - 1, tw + 3, 9.5)
        .fill('#ffffff')
        .restore();
      doc.fillColor(COLORS.text).text(p.text, cxBar - tw / 2 - 1, ty, { width: tw + 2, align: 'center', lineBreak: false });
      return;
    }
    // Turned a quarter: inside the bar when it is tall enough, else just above it.
    const inside = barH >= tw + 6;
    const base = inside ? barTop + tw + 3 : barTop - 3;
    doc.save().rotate(-90, { origin: [cxBar, base] });
    const across = inside ? Math.min(size * 1.3, bw) : size * 1.3;
    doc.rect(cxBar - 1, base - across / 2, tw + 2, across).fill(inside ? (p.partial ? '#a9bdd3' : COLORS.accent) : '#ffffff');
    doc.fillColor(inside && !p.partial ? '#ffffff' : COLORS.text).text(p.text, cxBar, base - size * 0.57, { width: tw + 2, lineBreak: false });
    doc.restore();
  });
  // Period labels: whole when they fit, else the part after the year, with the year when it changes.
  doc.font('Sans').fontSize(7);
  const fits = points.every((p) => doc.widthOfString(p.label) + 2 <= slot);
  // When even "07" does not fit, every k-th period is labelled (and the first of each year).
  const every = fits ? 1 : Math.max(1, Math.ceil((doc.widthOfString('00') + 3) / slot));
  let year = '';
  points.forEach((p, i) => {
    const split = fits ? null : /^(\d{4})-(.+)$/.exec(p.label);
    const ly = py(0) + 4;
    const newYear = split !== null && split[1] !== year;
    if (i % every === 0 || newYear)
      doc.fillColor(COLORS.text).text(split ? split[2]! : p.label, cx + i * slot - 4, ly, { width: slot + 8, align: 'center', lineBreak: false });
    let next = ly + 9;
    if (newYear) {
      year = split[1]!;
      doc
        .font('Bold')
        .text(year, cx + i * slot, next, { width: Math.max(slot, 24), lineBreak: false })
        .font('Sans');
      next += 9;
    }
    if (p.partial)
      doc
        .fillColor(COLORS.muted)
        .fontSize(6.5)
        .text(partialLabel, cx + i * slot - 6, split ? ly + 18 : next, { width: slot + 12, align: 'center', lineBreak: false })
        .fontSize(7);
  });
}

/** Vertical bars of counts with labels (e.g. sites per band). */
export function countChart(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  height: number,
  bars: { label: string; count: number; color: string }[],
): void {
  const maxCount = bars.reduce((x, b) => Math.max(x, b.count), 1);
  // The count over the tallest bar stays inside the figure (not into the heading above it).
  y += 14;
  const ch = height - 28 - 14;
  const slot = width / bars.length;
  bars.forEach((b, i) => {
    const h = (b.count / maxCount) * ch;
    const bx = x + i * slot + slot * 0.2;
    doc
      .save()
      .rect(bx, y + ch - h, slot * 0.6, h)
      .fill(b.color)
      .restore();
    doc
      .font('Bold')
      .fontSize(9)
      .fillColor(COLORS.text)
      .text(String(b.count), bx, y + ch - h - 12, { width: slot * 0.6, align: 'center', lineBreak: false });
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(COLORS.text)
      .text(b.label, x + i * slot, y + ch + 4, { width: slot, align: 'center', height: 22 });
  });
  segment(doc, x, y + ch, x + width, y + ch, 0.6, COLORS.text);
}

export interface TrajectoryPoint {
  /** The review's date as the report writes it. */
  date: string;
  /** Its total; null for an incomplete review (no point, its label says so). */
  total: number | null;
}

/** A colour mixed with white: `f` of the colour (a light tint, with no transparency for PDF/A). */
function tint(hex: string, f: number): string {
  const c = [1, 3, 5].map((i) => Math.round(255 - (255 - parseInt(hex.slice(i, i + 2), 16)) * f));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Totals of a program's reviews, oldest first, evenly spaced, over the bands as light stripes named at the
 * right: each point with its total above it and its date under the axis; consecutive complete totals joined.
 */
export function trajectoryChart(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  height: number,
  points: TrajectoryPoint[],
  bands: BandSpan[],
  min: number,
  max: number,
  incomplete: string,
): void {
  const labelW = 84;
  const cx = x + 22;
  const cw = width - labelW - 26;
  const top = y + 14;
  const ch = height - 14 - 24;
  const py = (v: number) => top + ch - ((v - min) / (max - min)) * ch;
  for (const b of bands) {
    const y0 = py(Math.min(b.to + 1, max));
    const y1 = py(b.from);
    doc
      .save()
      .rect(cx, y0, cw, y1 - y0)
      .fill(tint(b.color, 0.16))
      .restore();
    doc
      .font('Sans')
      .fontSize(7)
      .fillColor(COLORS.text)
      .text(b.label, cx + cw + 4, (y0 + y1) / 2 - 4, { width: labelW - 4, height: Math.max(9, y1 - y0), lineBreak: false, ellipsis: true });
    doc
      .font('Sans')
      .fontSize(6.5)
      .fillColor(COLORS.muted)
      .text(String(b.from), x, y1 - 4, { width: 18, align: 'right', lineBreak: false });
  }
  doc
    .font('Sans')
    .fontSize(6.5)
    .fillColor(COLORS.muted)
    .text(String(max), x, py(max) - 4, { width: 18, align: 'right', lineBreak: false });
  segment(doc, cx, top + ch, cx + cw, top + ch, 0.6, COLORS.text);
  const slot = cw / Math.max(1, points.length);
  const px = (i: number) => cx + slot * (i + 0.5);
  let last: { x: number; y: number } | null = null;
  points.forEach((p, i) => {
    if (p.total === null) {
      last = null;
      return;
    }
    const here = { x: px(i), y: py(p.total) };
    if (last) doc.save().moveTo(last.x, last.y).lineTo(here.x, here.y).lineWidth(1.5).strokeColor(COLORS.accent).stroke().restore();
    last = here;
  });
  points.forEach((p, i) => {
    const lx = px(i);
    doc
      .font('Sans')
      .fontSize(7.5)
      .fillColor(COLORS.text)
      .text(p.date, lx - slot / 2, top + ch + 4, { width: slot, align: 'center', lineBreak: false });
    if (p.total === null) {
      doc
        .font('Sans')
        .fontSize(7.5)
        .fillColor(COLORS.muted)
        .text(incomplete, lx - slot / 2, top + ch - 12, { width: slot, align: 'center', lineBreak: false });
      return;
    }
    const ly = py(p.total);
    doc.save().circle(lx, ly, 3.5).fill(COLORS.accent).restore();
    doc.save().circle(lx, ly, 3.5).lineWidth(1).strokeColor('#ffffff').stroke().restore();
    doc
      .font('Bold')
      .fontSize(9)
      .fillColor(COLORS.text)
      .text(String(p.total), lx - 20, ly - 15, { width: 40, align: 'center', lineBreak: false });
  });
}

export interface ScatterPoint {
  /** The label drawn beside the point (a program id). */
  label: string;
  x: number;
  y: number;
}

/**
 * Fidelity (x: the total, over the scale's bands) against a rate (y), one point per program, with
 * dashed benchmark lines. Each point's label is placed beside it where it overlaps no other label,
 * point or the frame (eight places tried, nearest first); the indexes of points left without a
 * label are returned, for a legend table.
 */
export function scatterChart(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  height: number,
  points: ScatterPoint[],
  axis: { min: number; max: number; bands: BandSpan[]; xTitle: string },
  lines: { value: number; label: string }[],
  pct: (r: number) => string,
): number[] {
  const axisW = 34;
  const cx = x + axisW;
  const cw = width - axisW - (lines.length ? 74 : 10);
  const head = 20;
  const ch = height - 40 - head;
  const top = Math.max(0.6, Math.ceil(points.reduce((t, p) => Math.max(t, p.y), 0) * 10) / 10);
  const px = (v: number) => cx + ((v - axis.min) / (axis.max - axis.min)) * cw;
  const py = (r: number) => y + head + ch - (r / top) * ch;
  // Bands: light tints behind the plot, named above it.
  for (const b of axis.bands) {
    const x0 = px(b.from);
    const x1 = px(Math.min(b.to + 1, axis.max));
    doc
      .save()
      .rect(x0, y + head, x1 - x0, ch)
      .fillOpacity(0.12)
      .fill(b.color)
      .restore();
    doc
      .font('Sans')
      .fontSize(6)
      .fillColor(COLORS.muted)
      .text(b.label, x0 + 1, y, { width: x1 - x0 - 2, align: 'center', height: head, ellipsis: true, lineGap: -1 });
  }
  rateGrid(doc, { x, cx, cw, axisW, top, py, pct });
  const step = axis.max - axis.min > 60 ? 25 : 10;
  for (let v = Math.ceil(axis.min / step) * step; v <= axis.max; v += step) {
    segment(doc, px(v), py(0), px(v), py(0) + 3, 0.5, COLORS.muted);
    doc.text(String(v), px(v) - 12, py(0) + 5, { width: 24, align: 'center', lineBreak: false });
  }
  doc.text(axis.xTitle, cx, py(0) + 17, { width: cw, align: 'center', lineBreak: false });
  doc
    .save()
    .rect(cx, y + head, cw, ch)
    .lineWidth(0.5)
    .strokeColor(COLORS.muted)
    .stroke()
    .restore();
  benchmarkLines(doc, cx, cw, py, lines, 70);
  // Points, then labels where they fit.
  const r = 2.6;
  const boxes: [number, number, number, number][] = points.map((p) => [px(p.x) - r, py(p.y) - r, px(p.x) + r, py(p.y) + r]);
  for (const p of points) doc.save().circle(px(p.x), py(p.y), r).fillColor(COLORS.accent).fill().restore();
  const size = 6.5;
  doc.font('Bold').fontSize(size);
  const lh = size + 1;
  const free = (b: [number, number, number, number]) =>
    b[0] >= cx + 1 &&
    b[2] <= cx + cw - 1 &&
    b[1] >= y + head + 1 &&
    b[3] <= py(0) - 1 &&
    !boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
  const unlabelled: number[] = [];
  // Points from the densest region outwards would be better; by x then y keeps the output stable.
  const order = points
    .map((_, i) => i)
    .sort((a, b) => points[a]!.x - points[b]!.x || points[a]!.y - points[b]!.y || (points[a]!.label < points[b]!.label ? -1 : 1));
  for (const i of order) {
    const p = points[i]!;
    const w = doc.widthOfString(p.label);
    const X = px(p.x);
    const Y = py(p.y);
    const places: [number, number][] = [
      [X + r + 2, Y - lh / 2],
      [X - r - 2 - w, Y - lh / 2],
      [X - w / 2, Y - r - 1 - lh],
      [X - w / 2, Y + r + 1],
      [X + r + 1, Y - r - lh],
      [X + r + 1, Y + r],
      [X - r - 1 - w, Y - r - lh],
      [X - r - 1 - w, Y + r],
    ];
    const spot = places.map(([lx, ly]): [number, number, number, number] => [lx, ly, lx + w, ly + lh]).find(free);
    if (!spot) {
      unlabelled.push(i);
      continue;
    }
    boxes.push(spot);
    doc
      .save()
      .rect(spot[0] - 0.5, spot[1], spot[2] - spot[0] + 1, lh)
      .fill('#ffffff')
      .restore();
    doc
      .font('Bold')
      .fontSize(size)
      .fillColor(COLORS.text)
      .text(p.label, spot[0], spot[1] + 0.5, { lineBreak: false });
  }
  return unlabelled;
}

/** Dashed benchmark lines across a plot, each labelled at its right end. */
function benchmarkLines(
  doc: PDFKit.PDFDocument,
  cx: number,
  cw: number,
  py: (v: number) => number,
  lines: { value: number; label: string }[],
  labelWidth: number,
): void {
  for (const l of lines) {
    doc
      .save()
      .moveTo(cx, py(l.value))
      .lineTo(cx + cw, py(l.value))
      .lineWidth(1)
      .dash(4, { space: 3 })
      .strokeColor(COLORS.poor)
      .stroke()
      .undash()
      .restore();
    doc
      .font('Sans')
      .fontSize(7.5)
      .fillColor(COLORS.poor)
      .text(l.label, cx + cw + 4, py(l.value) - 4, { width: labelWidth, lineBreak: false });
  }
}
