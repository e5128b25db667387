// What `plan` shows: each program's action plan (terminal, Markdown), and its JSON and CSV.
import type { ProgramPlan, PlanItem } from '../core/action-plan.js';
import type { PlannedAction } from '../core/review.js';
import { programLabel } from '../core/identity.js';
import type { Messages } from '../i18n/locale.js';
import { localize } from '../scale/scale.js';
import { csvLine, RFC_CSV, type CsvStyle } from './csv.js';
import { recommendationLines } from './recommendations.js';
import { formatDate, itemColumns, nextReviewText, scoreTone, signed, totalText } from './score-view.js';
import type { Block, Tone } from './view.js';

const itemCode = (plan: ProgramPlan, id: string) => plan.review.scale.items.find((i) => i.id === id)?.code ?? id;

/** An action in one line: "action — owner, due 30/06/2026 (planned)". */
export function actionText(a: PlannedAction, m: Messages): string {
  const who = [a.owner, a.due ? m.t('cycle.plan.due', { date: formatDate(a.due, m) }) : null].filter(Boolean).join(', ');
  return `${a.action}${who ? ` — ${who}` : ''} (${m.t(`cycle.status.${a.status}`)})`;
}

const computedOf = (it: PlanItem, m: Messages) => (it.computed ? recommendationLines(it.computed, m) : []);

export function planBlocks(plan: ProgramPlan, m: Messages): Block[] {
  const r = plan.review;
  const L = (t: { en: string; [k: string]: string } | undefined) => localize(t, m.lang);
  const actions = Object.values(plan.counts).reduce((a, b) => a + b, 0);
  const blocks: Block[] = [
    { kind: 'title', text: m.t('cycle.plan.title', { program: programLabel(r.program) }) },
    { kind: 'line', text: `${m.t('score.reviewOn', { date: formatDate(r.date, m) })} · ${totalText(r, m)}`, tone: 'muted' },
    // The next review, which checks this plan (the review-interval policy: scales/review-policies.yaml).
    ...(r.nextReview ? [{ kind: 'line', text: nextReviewText(r, m) } as Block] : []),
    {
      kind: 'line',
      text: actions
        ? m.t('cycle.plan.counts', {
            n: actions,
            planned: plan.counts.planned,
            progress: plan.counts['in-progress'],
            done: plan.counts.done,
            dropped: plan.counts.dropped,
          })
        : m.t('cycle.plan.noActions'),
      tone: actions ? undefined : 'fair',
    },
    { kind: 'heading', text: m.t('cycle.plan.items') },
  ];
  if (plan.items.length === 0) blocks.push({ kind: 'line', text: m.t('cycle.plan.allAtMax') });
  else
    blocks.push({
      kind: 'entries',
      columns: itemColumns(m, { title: m.t('cycle.col.advice') }),
      entries: plan.items.map((it) => {
        const details: { text: string; tone?: Tone }[] = [];
        if (it.finding) details.push({ text: `${m.t('cycle.findings.finding')}${m.t('format.labelSep')}${it.finding}` });
        if (it.recommendation) details.push({ text: `${m.t('cycle.findings.reviewers')}${m.t('format.labelSep')}${it.recommendation}` });
        for (const c of computedOf(it, m))
          details.push({ text: `${m.t('cycle.findings.computed')}${m.t('format.labelSep')}${c}`, tone: it.recommendation ? 'muted' : undefined });
        if (it.actions.length === 0) details.push({ text: m.t('cycle.plan.noAction'), tone: 'fair' });
        for (const a of it.actions)
          details.push({
            text: `${m.t('cycle.plan.action')}${m.t('format.labelSep')}${actionText(a, m)}`,
            tone: a.status === 'done' ? 'good' : undefined,
          });
        return {
          code: it.code,
          title: L(r.scale.items.find((i) => i.id === it.id)?.name),
          score: { text: it.score === null ? '—' : `${it.score}/${it.max}`, tone: scoreTone(it.score, it.max) },
          details,
        };
      }),
    });
  for (const step of plan.followUps) {
    blocks.push({ kind: 'heading', text: m.t('cycle.follow.title', { from: formatDate(step.from, m), to: formatDate(step.to, m) }) });
    blocks.push({
      kind: 'line',
      text: m.t('cycle.follow.counts', {
        n: step.actions.length,
        done: step.counts.done,
        open: step.counts.open,
        overdue: step.counts.overdue,
        dropped: step.counts.dropped,
      }),
    });
    const tone: Record<string, Tone> = { done: 'good', open: 'fair', overdue: 'poor', dropped: 'muted' };
    blocks.push({
      kind: 'table',
      columns: [
        { title: m.t('col.code') },
        { title: m.t('cycle.col.action'), wrap: true },
        { title: m.t('cycle.col.owner'), wrap: true },
        { title: m.t('cycle.col.due') },
        { title: m.t('cycle.col.outcome') },
        { title: m.t('col.score'), align: 'right' },
      ],
      rows: step.actions.map((f) => [
        f.code,
        f.action.action,
        f.action.owner ?? '',
        f.action.due ? formatDate(f.action.due, m) : '—',
        { text: m.t(`cycle.fate.${f.fate}`), tone: tone[f.fate] },
        f.score.delta === null ? `${f.score.from ?? '—'} → ${f.score.to ?? '—'}` : `${f.score.from} → ${f.score.to} (${signed(f.score.delta)})`,
      ]),
    });
  }
  return blocks;
}

function actionJson(a: PlannedAction, plan: ProgramPlan, m: Messages) {
  return {
    item: itemCode(plan, a.itemId),
    action: a.action,
    owner: a.owner ?? null,
    due: a.due ?? null,
    status: a.status,
    statusLabel: m.t(`cycle.status.${a.status}`),
  };
}

export function programPlanJson(plan: ProgramPlan, m: Messages) {
  const r = plan.review;
  return {
    program: { name: r.program.name, id: r.program.id ?? null, site: r.program.site ?? null },
    date: r.date,
    scale: r.scale.id,
    total: r.total,
    max: r.max,
    counts: plan.counts,
    nextReview: r.nextReview ?? null,
    items: plan.items.map((it) => ({
      id: it.id,
      code: it.code,
      name: localize(r.scale.items.find((i) => i.id === it.id)?.name, m.lang),
      score: it.score,
      max: it.max,
      finding: it.finding,
      recommendation: it.recommendation,
      computedRecommendation: computedOf(it, m),
      actions: it.actions.map((a) => actionJson(a, plan, m)),
    })),
    followUps: plan.followUps.map((s) => ({
      from: s.from,
      to: s.to,
      counts: s.counts,
      actions: s.actions.map((f) => ({
        ...actionJson({ ...f.action, status: f.status }, plan, m),
        fate: f.fate,
        fateLabel: m.t(`cycle.fate.${f.fate}`),
        relisted: f.relisted,
        score: f.score,
      })),
    })),
  };
}

export function planJson(plans: ProgramPlan[], m: Messages): string {
  return JSON.stringify({ schemaVersion: 1, lang: m.lang, programs: plans.map((p) => programPlanJson(p, m)) }, null, 2) + '\n';
}

/** The columns of the plan as a table (CSV, workbook), with the type of their cells. */
export const PLAN_COLUMNS = [
  ['program', 'text'],
  ['program_id', 'text'],
  ['review_date', 'date'],
  ['part', 'text'],
  ['item', 'text'],
  ['score', 'integer'],
  ['max', 'integer'],
  ['finding', 'text'],
  ['recommendation', 'text'],
  ['computed_recommendation', 'text'],
  ['action', 'text'],
  ['owner', 'text'],
  ['due', 'date'],
  ['status', 'text'],
  ['earlier_review', 'date'],
  ['earlier_score', 'integer'],
  ['outcome', 'text'],
] as const;

/** The plan as rows of PLAN_COLUMNS: one per action (one per item without action), then one per earlier action followed up. */
export function* planRows(plans: ProgramPlan[], m: Messages): Iterable<(string | number | null)[]> {
  for (const plan of plans) {
    const r = plan.review;
    const meta = [r.program.name, r.program.id ?? null, r.date];
    for (const it of plan.items) {
      const base = [...meta, 'plan', it.code, it.score, it.max, it.finding, it.recommendation, computedOf(it, m).join(' | ')];
      if (it.actions.length === 0) yield [...base, null, null, null, null, null, null, null];
      for (const a of it.actions) yield [...base, a.action, a.owner ?? null, a.due ?? null, a.status, null, null, null];
    }
    for (const s of plan.followUps) {
      for (const f of s.actions) {
        yield [
          ...meta.slice(0, 2),
          s.to,
          'follow-up',
          f.code,
          f.score.to,
          r.scale.scoreRange.max,
          null,
          null,
          null,
          f.action.action,
          f.action.owner ?? null,
          f.action.due ?? null,
          f.status,
          s.from,
          f.score.from,
          f.fate,
        ];
      }
    }
  }
}

/** CSV: the plan's rows under their column names. */
export function* planCsvLines(plans: ProgramPlan[], m: Messages, style: CsvStyle = RFC_CSV): Iterable<string> {
  yield csvLine(
    PLAN_COLUMNS.map(([name]) => name),
    style,
  );
  for (const row of planRows(plans, m)) yield csvLine(row, style);
}
