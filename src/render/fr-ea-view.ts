// What `outcomes --convention fr-ea` shows: the French national indicators of emploi accompagné, as
// blocks (terminal, Markdown, PDF) and as the indicator table (CSV: indicator, value, n, of).
import type { Messages } from '../i18n/locale.js';
import type { FrEaIndicators, FrSetting, Share } from '../core/fr-ea.js';
import type { ProgramSettings } from '../core/records.js';
import { HIDDEN, type Cell } from '../core/suppression.js';
import { csvLine, RFC_CSV, type CsvStyle } from './csv.js';
import { formatDate } from './score-view.js';
import type { Block } from './view.js';

const cellText = (c: Cell, m: Messages) => (typeof c === 'number' ? m.num(c) : c === HIDDEN ? m.t('privacy.hidden') : c);

/** "12 (40.0%)", or the cell alone when its rate is withheld. */
function share(s: { people: Cell; rate: number | null }, m: Messages): string {
  return s.rate === null ? cellText(s.people, m) : `${cellText(s.people, m)} (${m.pct(s.rate)})`;
}

const monthsText = (months: number | null, n: number, m: Messages) =>
  months === null ? '—' : m.t('frEa.medianMonths', { months: m.num(months, 1), n });

/** The program and the window, as the title lines say them. */
export function frEaTitle(settings: ProgramSettings): string {
  return [settings.name, settings.site].filter(Boolean).join(' — ') + (settings.id ? ` (${settings.id})` : '');
}

export function frEaBlocks(o: FrEaIndicators, settings: ProgramSettings, m: Messages): Block[] {
  const from = formatDate(o.window.from, m);
  const to = formatDate(o.window.to, m);
  const blocks: Block[] = [
    { kind: 'title', text: frEaTitle(settings) },
    { kind: 'line', text: m.t('frEa.window', { from, to }), tone: 'muted' },
    { kind: 'heading', text: m.t('frEa.accompaniedTitle') },
    {
      kind: 'table',
      columns: [
        { title: m.t('frEa.col.indicator'), wrap: true },
        { title: m.t('frEa.col.people'), align: 'right' },
      ],
      rows: [
        [m.t('frEa.accompanied', { from, to }), m.num(o.accompanied)],
        [m.t('frEa.atStart', { from }), m.num(o.flow.atStart)],
        [m.t('frEa.entries'), m.num(o.flow.entries)],
        [m.t('frEa.exits'), m.num(o.flow.exits)],
        [m.t('frEa.atEnd', { to }), m.num(o.flow.atEnd)],
      ],
    },
    { kind: 'heading', text: m.t('frEa.exitsTitle') },
  ];
  if (o.flow.exits === 0) blocks.push({ kind: 'line', text: m.t('frEa.noExits') });
  else if (o.exits.withheld) blocks.push({ kind: 'line', text: m.t('privacy.reasonsWithheld', { n: o.minCell }) });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: m.t('frEa.col.category'), wrap: true },
        { title: m.t('frEa.col.people'), align: 'right' },
      ],
      rows: o.exits.categories.filter((c) => c.people !== 0).map((c) => [m.t(`frEa.exit.${c.category}`), cellText(c.people, m)]),
    });
    if (!o.exits.recorded) blocks.push({ kind: 'line', text: m.t('frEa.reasonsNotRecorded'), tone: 'muted' });
  }

  blocks.push({ kind: 'heading', text: m.t('frEa.durationTitle') });
  blocks.push({ kind: 'line', text: m.t('frEa.durationAll', { value: monthsText(o.duration.medianMonths, o.duration.n, m) }) });
  blocks.push({ kind: 'line', text: m.t('frEa.durationExited', { value: monthsText(o.duration.exitedMedianMonths, o.duration.exitedN, m) }) });
  if (o.duration.withheld) blocks.push({ kind: 'line', text: m.t('frEa.withheld', { n: o.minCell }) });
  else if (o.duration.n > 0)
    blocks.push({
      kind: 'table',
      columns: [
        { title: m.t('frEa.col.duration'), wrap: true },
        { title: m.t('frEa.col.people'), align: 'right' },
      ],
      rows: o.duration.bands.map((b) => [m.t(`frEa.band.${b.band}`), cellText(b.people, m)]),
    });

  blocks.push({ kind: 'heading', text: m.t('frEa.workTitle') });
  if (o.workAtEnd.withheld || o.workDuring.withheld) blocks.push({ kind: 'line', text: m.t('frEa.withheld', { n: o.minCell }) });
  const settingRows = (s: FrSetting) => {
    const at = o.workAtEnd.settings.find((x) => x.setting === s)!;
    const du = o.workDuring.settings.find((x) => x.setting === s)!;
    return { at, du };
  };
  const shown = (['ordinary', 'ea', 'esat', 'other', 'none'] as FrSetting[]).filter(
    (s) => s !== 'other' || settingRows(s).at.people !== 0 || settingRows(s).du.people !== 0,
  );
  blocks.push({
    kind: 'table',
    columns: [
      { title: m.t('frEa.col.setting'), wrap: true },
      { title: m.t('frEa.col.atEnd', { to }), align: 'right' },
      { title: m.t('frEa.col.during'), align: 'right' },
    ],
    rows: [
      ...shown.map((s) => {
        const { at, du } = settingRows(s);
        return [m.t(`frEa.setting.${s}`), o.workAtEnd.withheld ? '—' : share(at, m), o.workDuring.withheld ? '—' : share(du, m)];
      }),
      [
        { text: m.t('frEa.inWork'), tone: 'strong' as const },
        o.workAtEnd.withheld ? '—' : share(o.workAtEnd.inWork, m),
        o.workDuring.withheld ? '—' : share(o.workDuring.inWork, m),
      ],
      [m.t('frEa.denominator'), m.num(o.workAtEnd.of), m.num(o.workDuring.of)],
    ],
  });
  blocks.push({ kind: 'line', text: m.t('frEa.workNote'), tone: 'muted' });

  blocks.push({ kind: 'heading', text: m.t('frEa.otherTitle') });
  const ofText = (s: Share) => m.t('frEa.shareOf', { share: share(s, m), of: s.of });
  const esat = o.esatToOrdinary;
  blocks.push({
    kind: 'table',
    columns: [
      { title: m.t('frEa.col.indicator'), wrap: true },
      { title: m.t('frEa.col.value'), wrap: true },
    ],
    rows: [
      [m.t('frEa.durableDuring', { months: o.durable.months }), ofText(o.durable.during)],
      [m.t('frEa.durableStarts', { months: o.durable.months }), ofText(o.durable.starts)],
      [
        m.t('frEa.esatToOrdinary'),
        esat
          ? m.t('frEa.esatValue', { to: share({ people: esat.toOrdinary, rate: esat.rate }, m), from: cellText(esat.fromEsat, m) })
          : m.t('frEa.notAvailable'),
      ],
      [m.t('frEa.employers'), o.employers ? m.num(o.employers.accompanied) : m.t('frEa.notAvailable')],
    ],
  });
  if (!esat) blocks.push({ kind: 'line', text: m.t('frEa.esatNotAvailable'), tone: 'muted' });
  if (!o.employers) blocks.push({ kind: 'line', text: m.t('frEa.employersNotAvailable'), tone: 'muted' });
  if (o.minCell > 0)
    blocks.push({ kind: 'line', text: m.t('frEa.suppression', { n: o.minCell, max: o.minCell - 1, hidden: m.t('privacy.hidden') }), tone: 'muted' });
  blocks.push({ kind: 'line', text: m.t('frEa.definitions'), tone: 'muted' });
  return blocks;
}

type Value = number | string | null;

/** The indicator table: one row per indicator, `indicator,value,n,of` (a rate's value is a fraction, with n of `of`). */
export function frEaRows(o: FrEaIndicators): [string, Value, Value, Value][] {
  const rows: [string, Value, Value, Value][] = [];
  const rate = (r: number | null) => (r === null ? null : Number(r.toFixed(6)));
  const count = (id: string, v: Cell) => rows.push([id, v, null, null]);
  const shareRow = (id: string, s: { people: Cell; of: number | Cell; rate: number | null }) => rows.push([id, rate(s.rate), s.people, s.of]);
  count('accompanied', o.accompanied);
  count('accompanied_at_start', o.flow.atStart);
  count('entries', o.flow.entries);
  count('exits', o.flow.exits);
  count('accompanied_at_end', o.flow.atEnd);
  for (const c of o.exits.categories) rows.push([`exits_${c.category.replace(/-/g, '_')}`, c.people, null, o.flow.exits]);
  if (o.exits.withheld) rows.push(['exits_by_category', 'withheld', null, o.flow.exits]);
  rows.push(['support_median_months', o.duration.medianMonths, o.duration.n, null]);
  rows.push(['support_median_months_exited', o.duration.exitedMedianMonths, o.duration.exitedN, null]);
  for (const b of o.duration.bands)
    rows.push([
      `support_${b.band
        .replace(/^under/, 'under_')
        .replace(/^(\d+)to(\d+)$/, '$1_to_$2')
        .replace(/plus$/, '_plus')}_months`,
      b.people,
      null,
      o.duration.n,
    ]);
  if (o.duration.withheld) rows.push(['support_by_band', 'withheld', null, o.duration.n]);
  for (const [prefix, b] of [
    ['in_work_at_end', o.workAtEnd],
    ['in_work_during', o.workDuring],
  ] as const) {
    if (b.withheld) {
      rows.push([`${prefix}_by_setting`, 'withheld', null, b.of]);
      continue;
    }
    for (const s of b.settings)
      shareRow(`${prefix}_${s.setting === 'none' ? 'not_in_work' : s.setting}`, { people: s.people, of: b.of, rate: s.rate });
    shareRow(`${prefix}_any_setting`, b.inWork);
  }
  shareRow(`durable_employment_during`, o.durable.during);
  shareRow(`durable_employment_starts`, o.durable.starts);
  if (o.esatToOrdinary) {
    count('from_esat', o.esatToOrdinary.fromEsat);
    shareRow('esat_to_ordinary', { people: o.esatToOrdinary.toOrdinary, of: o.esatToOrdinary.fromEsat, rate: o.esatToOrdinary.rate });
  } else {
    count('from_esat', 'not available');
    count('esat_to_ordinary', 'not available');
  }
  count('employers_accompanied', o.employers ? o.employers.accompanied : 'not available');
  return rows;
}

export function frEaCsv(o: FrEaIndicators, style: CsvStyle = RFC_CSV): string {
  return (
    csvLine(['indicator', 'value', 'n', 'of'], style) +
    frEaRows(o)
      .map((r) => csvLine(r, style))
      .join('')
  );
}
