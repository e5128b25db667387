// A program's action plan: at its latest review, every item below its maximum with its recommendation
// and the actions committed to; across its reviews, what became of each earlier action. Pure.
import { normalizeName } from '../shared/values.js';
import type { ActionStatus, PlannedAction } from './review.js';
import type { ScoredReview } from './score-review.js';
import { recommend, type Recommendation } from './recommendations.js';

/** What became of an earlier action at the later review. */
export type Fate = 'done' | 'open' | 'overdue' | 'dropped';
export const FATES: readonly Fate[] = ['done', 'open', 'overdue', 'dropped'];

export interface PlanItem {
  id: string;
  code: string;
  section: string;
  score: number | null;
  max: number;
  finding: string | null;
  /** The reviewers' own recommendation. */
  recommendation: string | null;
  /** What the scale data and the evidence say the item lacks. */
  computed: Recommendation | null;
  actions: PlannedAction[];
}

export interface FollowUp {
  itemId: string;
  code: string;
  action: PlannedAction;
  /** Its status as the later review records it (the earlier status when the later review does not list it). */
  status: ActionStatus;
  fate: Fate;
  /** Whether the later review lists the action again. */
  relisted: boolean;
  score: { from: number | null; to: number | null; delta: number | null };
}

export interface FollowUpStep {
  /** The review that set the actions, and the one that follows them up. */
  from: string | null;
  to: string | null;
  actions: FollowUp[];
  counts: Record<Fate, number>;
}

export interface ProgramPlan {
  /** The latest review of the program: the plan is its own. */
  review: ScoredReview;
  items: PlanItem[];
  /** For each earlier review with actions, what became of them at the next review. */
  followUps: FollowUpStep[];
  /** The latest review's actions by status. */
  counts: Record<ActionStatus, number>;
}

const sameAction = (a: PlannedAction, b: PlannedAction) => a.itemId === b.itemId && normalizeName(a.action) === normalizeName(b.action);

/** What became of an action with `status`, due `due`, as of `asOf` (ISO dates compare as text). */
export function fateOf(status: ActionStatus, due: string | undefined, asOf: string | null): Fate {
  if (status === 'done' || status === 'dropped') return status;
  return due !== undefined && asOf !== null && due < asOf ? 'overdue' : 'open';
}

/** What became of the actions of `earlier` at `later` (two reviews of one program, in date order). */
export function followUp(earlier: ScoredReview, later: ScoredReview): FollowUpStep {
  const scoreOf = (r: ScoredReview, id: string) => r.items.find((i) => i.id === id)?.score ?? null;
  const counts: Record<Fate, number> = { done: 0, open: 0, overdue: 0, dropped: 0 };
  const actions = (earlier.actions ?? []).map((a): FollowUp => {
    const again = (later.actions ?? []).find((b) => sameAction(a, b));
    const status = again?.status ?? a.status;
    const fate = fateOf(status, again?.due ?? a.due, later.date);
    counts[fate]++;
    const from = scoreOf(earlier, a.itemId);
    const to = scoreOf(later, a.itemId);
    const code = earlier.scale.items.find((i) => i.id === a.itemId)?.code ?? a.itemId;
    return {
      itemId: a.itemId,
      code,
      action: a,
      status,
      fate,
      relisted: again !== undefined,
      score: { from, to, delta: from === null || to === null ? null : to - from },
    };
  });
  return { from: earlier.date, to: later.date, actions, counts };
}

/**
 * The plan of one program from its reviews (oldest first, as groupByProgram orders them): items below
 * their maximum, or with an action, finding or recommendation; items with no action first, then in scale order.
 */
export function actionPlan(group: ScoredReview[]): ProgramPlan {
  const review = group[group.length - 1]!;
  const max = review.scale.scoreRange.max;
  const actions = review.actions ?? [];
  const items: PlanItem[] = [];
  for (const it of review.items) {
    const own = actions.filter((a) => a.itemId === it.id);
    const below = it.score !== null && it.score < max;
    if (!below && own.length === 0 && !it.finding && !it.recommendation) continue;
    const item = review.scale.items.find((i) => i.id === it.id)!;
    items.push({
      id: it.id,
      code: it.code,
      section: it.section,
      score: it.score,
      max,
      finding: it.finding ?? null,
      recommendation: it.recommendation ?? null,
      computed: recommend(item, it, max),
      actions: own,
    });
  }
  // Stable: scale order within each part.
  items.sort((a, b) => Number(a.actions.length > 0) - Number(b.actions.length > 0));
  const followUps: FollowUpStep[] = [];
  for (let i = 1; i < group.length; i++) if (group[i - 1]!.actions?.length) followUps.push(followUp(group[i - 1]!, group[i]!));
  const counts: Record<ActionStatus, number> = { planned: 0, 'in-progress': 0, done: 0, dropped: 0 };
  for (const a of actions) counts[a.status]++;
  return { review, items, followUps, counts };
}
