// One action of the plan, from a review YAML's `actions` or a row of an actions table, checked
// against the scale: unknown items, bad dates and statuses at their line and column.
import { ACTION_STATUSES, type ActionStatus, type PlannedAction } from '../core/review.js';
import { findItem, type Scale } from '../scale/scale.js';
import type { Place, ProblemList } from '../shared/problems.js';
import { normalizeName, parseDate } from '../shared/values.js';

/** Status words accepted on input, English and French, as normalizeName gives them. */
const STATUS: Record<string, ActionStatus> = {
  planned: 'planned',
  planifiee: 'planned',
  prevue: 'planned',
  prevu: 'planned',
  aprevoir: 'planned',
  todo: 'planned',
  inprogress: 'in-progress',
  ongoing: 'in-progress',
  started: 'in-progress',
  encours: 'in-progress',
  commencee: 'in-progress',
  done: 'done',
  completed: 'done',
  complete: 'done',
  faite: 'done',
  fait: 'done',
  realisee: 'done',
  realise: 'done',
  terminee: 'done',
  dropped: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
  abandonnee: 'dropped',
  abandonne: 'dropped',
  annulee: 'dropped',
};

export function parseStatus(raw: string): ActionStatus | undefined {
  return STATUS[normalizeName(raw)];
}

/** Raw fields of one action, as a YAML entry or a table row gives them. */
export interface RawAction {
  item: string;
  action: string;
  owner?: string;
  due?: string;
  status?: string;
}

/** Where each field of the action is, for problems; `field` names it as the file does. */
export type PlaceOf = (field: keyof RawAction) => { at: Omit<Place, 'file'>; field: string };

/** Check one action against the scale; problems go to `problems`, null when unusable. */
export function toAction(raw: RawAction, scale: Scale, placeOf: PlaceOf, problems: ProblemList, at?: Place): PlannedAction | null {
  const bad = (field: keyof RawAction, key: string, params: Record<string, string | number>, value: string) => {
    const p = placeOf(field);
    problems.error(p.at, key, params, p.field, value);
  };
  let ok = true;
  const item = raw.item.trim() ? findItem(scale, raw.item.trim()) : undefined;
  if (!raw.item.trim()) (bad('item', 'cycle.problem.actionField', { field: placeOf('item').field }, raw.item), (ok = false));
  else if (!item) (bad('item', 'item.unknown', { scale: scale.id }, raw.item), (ok = false));
  if (!raw.action.trim()) (bad('action', 'cycle.problem.actionField', { field: placeOf('action').field }, raw.action), (ok = false));
  let due: string | undefined;
  if (raw.due !== undefined && raw.due.trim() !== '') {
    const d = parseDate(raw.due);
    if (!d.ok) (bad('due', `expected.${d.expected}`, {}, raw.due), (ok = false));
    else due = d.value;
  }
  let status: ActionStatus = 'planned';
  if (raw.status !== undefined && raw.status.trim() !== '') {
    const s = parseStatus(raw.status);
    if (!s) (bad('status', 'cycle.problem.status', { allowed: ACTION_STATUSES.join(', ') }, raw.status), (ok = false));
    else status = s;
  }
  if (!ok || !item) return null;
  const owner = raw.owner?.trim();
  return { itemId: item.id, action: raw.action.trim(), ...(owner ? { owner } : {}), ...(due ? { due } : {}), status, ...(at ? { at } : {}) };
}
