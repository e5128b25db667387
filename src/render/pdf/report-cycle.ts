// What the fidelity report shows of the review cycle beyond the ratings: the action plan's state and rows,
// and the next review's date. Empty today; the commands fill it once reviews carry actions and a review
// interval policy gives the next date. Each part is drawn only when given.

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'dropped';

export interface ReportAction {
  /** The item's code (e.g. V1). */
  item: string;
  action: string;
  owner?: string;
  /** ISO date. */
  due?: string;
  status: ActionStatus;
  /** Past its due date and not done, as of the review's date. */
  overdue?: boolean;
}

export interface ReportCycle {
  actions?: { done: number; open: number; overdue: number; rows: ReportAction[] };
  /** ISO date of the next review. */
  nextReview?: string;
}
