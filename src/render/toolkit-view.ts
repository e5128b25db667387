// The reviewer toolkit of the scale files: an item's toolkit (`scales ID --item CODE`), and what `init`
// writes beside the review template: the pre-visit data request and the two-day visit schedule.
import type { Messages } from '../i18n/locale.js';
import { localize, type Scale } from '../scale/scale.js';
import type { Item, Localized, Role } from '../scale/schema.js';
import { renderMarkdown, type Block, type ViewCell } from './view.js';

const roleLabel = (scale: Scale, id: string, m: Messages) => localize(scale.roles.find((r) => r.id === id)?.label, m.lang) || id;

/** An item's toolkit as a table (what, then each point), or a line saying the scale has none for it. */
export function toolkitBlocks(scale: Scale, item: Item, m: Messages): Block[] {
  const L = (t: Localized) => localize(t, m.lang);
  const t = item.toolkit;
  const blocks: Block[] = [{ kind: 'heading', text: m.t('policy.toolkit.title', { code: item.code }) }];
  if (!t) return [...blocks, { kind: 'line', text: m.t('policy.toolkit.none'), tone: 'muted' }];
  const rows: ViewCell[][] = [];
  const add = (what: string, texts: string[]) => texts.forEach((x, i) => rows.push([i === 0 ? { text: what, tone: 'strong' } : '', x]));
  add(m.t('policy.toolkit.lookFor'), t.lookFor.map(L));
  for (const iv of t.interviews) add(m.t('policy.toolkit.ask', { role: roleLabel(scale, iv.role, m) }), iv.ask.map(L));
  add(m.t('policy.toolkit.records'), t.records.map(L));
  add(m.t('policy.toolkit.observation'), t.observation.map(L));
  add(m.t('policy.toolkit.documents'), t.documents.map(L));
  blocks.push({ kind: 'table', columns: [{ title: m.t('policy.toolkit.colWhere') }, { title: m.t('policy.toolkit.colWhat'), wrap: true }], rows });
  if (scale.toolkitSource) blocks.push({ kind: 'line', text: L(scale.toolkitSource), tone: 'muted' });
  return blocks;
}

/** `scales ID --item CODE --format json`: the item as the scale holds it, with the roles its toolkit names. */
export function itemJson(scale: Scale, item: Item): unknown {
  const roles = new Set(item.toolkit?.interviews.map((i) => i.role) ?? []);
  return { scale: scale.id, item, roles: scale.roles.filter((r) => roles.has(r.id)), toolkitSource: scale.toolkitSource ?? null };
}

/** The codes of the items whose toolkit interviews `role`, in scale order. */
const itemsAsking = (scale: Scale, role: string) =>
  scale.items.filter((i) => i.toolkit?.interviews.some((iv) => iv.role === role)).map((i) => i.code);

/** The pre-visit data request: every document the toolkits ask for (once, with the items needing it), and the people to meet. */
export function dataRequestMarkdown(scale: Scale, m: Messages): string {
  const L = (t: Localized | undefined) => localize(t, m.lang);
  const docs = new Map<string, { text: string; items: string[] }>();
  for (const it of scale.items) {
    for (const d of it.toolkit?.documents ?? []) {
      const entry = docs.get(d.en) ?? { text: L(d), items: [] };
      entry.items.push(it.code);
      docs.set(d.en, entry);
    }
  }
  const blocks: Block[] = [
    { kind: 'title', text: m.t('policy.request.title') },
    { kind: 'line', text: m.t('policy.request.program') },
    { kind: 'line', text: m.t('policy.request.intro') },
    { kind: 'line', text: m.t('policy.request.scale', { scale: `${scale.id} (${L(scale.name)})` }), tone: 'muted' },
    { kind: 'heading', text: m.t('policy.request.documents') },
    {
      kind: 'table',
      columns: [
        { title: m.t('policy.request.colReceived') },
        { title: m.t('policy.request.colDocument'), wrap: true },
        { title: m.t('policy.request.colItems') },
      ],
      rows: [...docs.values()].map((d) => ['☐', d.text, d.items.join(', ')]),
    },
    { kind: 'heading', text: m.t('policy.request.people') },
    {
      kind: 'table',
      columns: [
        { title: m.t('policy.request.colPerson'), wrap: true },
        { title: m.t('policy.schedule.colDay') },
        { title: m.t('policy.schedule.colMinutes') },
        { title: m.t('policy.request.colItems'), wrap: true },
      ],
      rows: scale.roles
        .filter((r) => itemsAsking(scale, r.id).length > 0)
        .map((r) => [L(r.label), String(r.day), String(r.minutes), itemsAsking(scale, r.id).join(', ')]),
    },
  ];
  if (scale.toolkitSource) blocks.push({ kind: 'line', text: L(scale.toolkitSource), tone: 'muted' });
  return renderMarkdown(blocks);
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const DAY_START = 9 * 60;
const LUNCH = { from: 12 * 60 + 30, minutes: 60 };

/** A day's timetable: activities one after another from 09:00, lunch taken before the first one that would start after 12:30. */
function timetable(activities: { text: string; minutes: number; items: string }[], m: Messages): ViewCell[][] {
  const rows: ViewCell[][] = [];
  let at = DAY_START;
  let lunched = false;
  for (const a of activities) {
    if (!lunched && at + a.minutes > LUNCH.from + 30) {
      rows.push([`${clock(at)}–${clock(at + LUNCH.minutes)}`, { text: m.t('policy.schedule.lunch'), tone: 'muted' }, '']);
      at += LUNCH.minutes;
      lunched = true;
    }
    rows.push([`${clock(at)}–${clock(at + a.minutes)}`, a.text, a.items]);
    at += a.minutes;
  }
  return rows;
}

/** The two-day visit schedule: interviews by role (their day and length from the scale's roles), records, observations, feedback. */
export function visitScheduleMarkdown(scale: Scale, m: Messages): string {
  const L = (t: Localized | undefined) => localize(t, m.lang);
  const interview = (r: Role) => ({
    text: m.t('policy.schedule.interview', { role: L(r.label) }),
    minutes: r.minutes,
    items: itemsAsking(scale, r.id).join(', '),
  });
  const asked = scale.roles.filter((r) => itemsAsking(scale, r.id).length > 0);
  const withRecords = scale.items
    .filter((i) => (i.toolkit?.records.length ?? 0) > 0)
    .map((i) => i.code)
    .join(', ');
  const day1 = [{ text: m.t('policy.schedule.opening'), minutes: 45, items: '' }, ...asked.filter((r) => r.day === 1).map(interview)];
  const day2 = [
    ...asked.filter((r) => r.day === 2).map(interview),
    { text: m.t('policy.schedule.records'), minutes: 120, items: withRecords },
    { text: m.t('policy.schedule.debrief'), minutes: 45, items: '' },
    { text: m.t('policy.schedule.closing'), minutes: 45, items: '' },
  ];
  const columns = [
    { title: m.t('policy.schedule.colTime') },
    { title: m.t('policy.schedule.colActivity'), wrap: true },
    { title: m.t('policy.request.colItems'), wrap: true },
  ];
  const observations = scale.items.flatMap((i) => (i.toolkit?.observation ?? []).map((o) => [L(o), i.code]));
  const blocks: Block[] = [
    { kind: 'title', text: m.t('policy.schedule.title') },
    { kind: 'line', text: m.t('policy.request.program') },
    { kind: 'line', text: m.t('policy.schedule.intro') },
    { kind: 'heading', text: m.t('policy.schedule.day', { n: 1 }) },
    { kind: 'table', columns, rows: timetable(day1, m) },
    { kind: 'heading', text: m.t('policy.schedule.day', { n: 2 }) },
    { kind: 'table', columns, rows: timetable(day2, m) },
  ];
  if (observations.length) {
    blocks.push({ kind: 'heading', text: m.t('policy.schedule.observe') });
    blocks.push({ kind: 'line', text: m.t('policy.schedule.observeNote') });
    blocks.push({
      kind: 'table',
      columns: [{ title: m.t('policy.toolkit.observation'), wrap: true }, { title: m.t('policy.request.colItems') }],
      rows: observations,
    });
  }
  if (scale.toolkitSource) blocks.push({ kind: 'line', text: L(scale.toolkitSource), tone: 'muted' });
  return renderMarkdown(blocks);
}
