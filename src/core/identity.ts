// A program's identity, the one rule every command uses: which reviews are of the same program
// (score, history, report), and how a program is named so that two of the same name are told apart.
import { normalizeName } from '../shared/values.js';

/** A review of a program on a date (read, or scored). */
export interface Dated {
  program: { id?: string; name: string; site?: string };
  date: string | null;
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Group reviews by program: by id when a review has one, else by name (a review without an id
 * joins the one id group of the same name, if there is exactly one). Two programs with the same
 * name and different ids stay apart. Each group is ordered by date, oldest first; groups by their
 * first review's name, then id: the same order whatever the input order.
 */
export function groupByProgram<R extends Dated>(reviews: R[]): R[][] {
  const byId = new Map<string, R[]>();
  const withoutId: R[] = [];
  for (const r of reviews) {
    if (r.program.id) {
      const k = normalizeName(r.program.id);
      (byId.get(k) ?? byId.set(k, []).get(k)!).push(r);
    } else withoutId.push(r);
  }
  const groups = [...byId.values()];
  // The id groups each name appears in.
  const idGroupsOf = new Map<string, Set<R[]>>();
  for (const g of groups) {
    for (const x of g) {
      const name = normalizeName(x.program.name);
      (idGroupsOf.get(name) ?? idGroupsOf.set(name, new Set()).get(name)!).add(g);
    }
  }
  const byName = new Map<string, R[]>();
  for (const r of withoutId) {
    const name = normalizeName(r.program.name);
    const matches = idGroupsOf.get(name);
    if (matches?.size === 1) [...matches][0]!.push(r);
    else (byName.get(name) ?? byName.set(name, []).get(name)!).push(r);
  }
  for (const g of byName.values()) groups.push(g); // one by one: a spread of many programs overflows the call stack
  for (const g of groups) g.sort((a, b) => compare(a.date ?? '', b.date ?? ''));
  const idOf = (g: R[]) => normalizeName(g.find((r) => r.program.id)?.program.id ?? '');
  return groups.sort((a, b) => compare(normalizeName(a[0]!.program.name), normalizeName(b[0]!.program.name)) || compare(idOf(a), idOf(b)));
}

/** Whether two reviews are of the same program, by the rule of groupByProgram. */
export function sameProgram(a: Dated, b: Dated): boolean {
  return groupByProgram([a, b]).length === 1;
}

/** A program as people tell it apart: name — site (id). */
export function programLabel(p: Dated['program']): string {
  return [p.name, p.site].filter(Boolean).join(' — ') + (p.id ? ` (${p.id})` : '');
}

/** A group's program as its latest review names it, with the id and site of its latest review that gives them. */
export function groupProgram<R extends Dated>(group: R[]): R['program'] {
  const latest = [...group].reverse();
  const id = latest.find((r) => r.program.id)?.program.id;
  const site = latest.find((r) => r.program.site)?.program.site;
  return { ...latest[0]!.program, ...(id ? { id } : {}), ...(site ? { site } : {}) };
}

/** The group's reviews, the latest named as the group (groupProgram): what a report of the group shows. */
export function withGroupProgram<R extends Dated>(group: R[]): R[] {
  const program = groupProgram(group);
  return group.map((r, i) => (i === group.length - 1 ? { ...r, program } : r));
}
