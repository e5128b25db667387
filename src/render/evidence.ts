// The evidence behind an item's score, as one readable sentence in the output language.
import type { Messages } from '../i18n/locale.js';
import type { Item, Rule } from '../scale/schema.js';
import type { Evidence, ScoredItem } from '../core/score-item.js';

/** A value with its unit: "18.5 clients/FTE", "92 %", "45 days". */
export function valueText(kind: string, value: number, m: Messages): string {
  const n = m.num(value, Number.isInteger(value) ? 0 : value * 10 === Math.round(value * 10) ? 1 : 2);
  // Units with a plural form ("1 day", "2 days"; "1,5 jour" in French) choose it from the value itself.
  return m.has(`machine.unit.${kind}`) ? m.t(`machine.unit.${kind}`, { n, v: value }) : m.t(`unit.${kind}`, { n });
}

/** The condition of a threshold rule: "≤ 20", "≥ 90", "< 2"; empty for the catch-all rule. */
export function ruleText(rule: Rule, m: Messages): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${m.num(rule.min)}`);
  if (rule.above !== undefined) parts.push(`> ${m.num(rule.above)}`);
  if (rule.max !== undefined) parts.push(`≤ ${m.num(rule.max)}`);
  if (rule.below !== undefined) parts.push(`< ${m.num(rule.below)}`);
  return parts.join(m.t('evidence.and'));
}

function observed(item: Item, e: Evidence, m: Messages): string[] {
  const out: string[] = [];
  if (e.records)
    out.push(m.t(e.records.key, e.records.params) + (e.rule ? ` (${ruleText(e.rule, m) || m.t('scales.otherwise')} → ${e.rule.score})` : ''));
  if (e.value !== undefined && !e.records) {
    const rule = e.rule ? ruleText(e.rule, m) : '';
    out.push(
      rule ? m.t('evidence.valueRule', { value: valueText(item.kind, e.value, m), rule, score: e.rule!.score }) : valueText(item.kind, e.value, m),
    );
  }
  if (e.n !== undefined && !e.records) out.push(m.t('evidence.n', { n: e.n }));
  if (e.minimumN) out.push(m.t('evidence.minimumN', { n: e.minimumN.n, required: e.minimumN.required, score: e.minimumN.score }));
  if (e.elements) {
    out.push(m.t('evidence.elements', { count: e.elements.count, of: e.elements.of, list: e.elements.present.join(' ') || '-' }));
  }
  if (e.specialists) {
    const each = e.specialists.map((s) =>
      s.value !== undefined ? `${s.name} ${valueText(item.kind, s.value, m)} → ${s.score}` : `${s.name} ${s.score}`,
    );
    out.push(m.t('evidence.specialists', { list: each.join(', '), mean: m.num(e.mean!, 2) }));
  }
  for (const c of e.capped ?? []) {
    const cap = item.caps.find((x) => x.flag === c.flag);
    out.push(m.t('evidence.capped', { max: c.maxWithout, from: c.uncapped, condition: cap ? (cap.label[m.lang] ?? cap.label.en) : c.flag }));
  }
  if (e.derivedScore !== undefined) out.push(m.t('evidence.derived', { score: e.derivedScore }));
  return out;
}

/** Evidence of a scored item; includes the computed score an explicit rating overrode. */
export function evidenceText(item: Item, scored: ScoredItem, m: Messages): string {
  if (scored.score === null) {
    const why = scored.evidence?.records;
    return why ? `${m.t('evidence.unrated')}${m.t('evidence.sep')}${m.t(why.key, why.params)}` : m.t('evidence.unrated');
  }
  const parts = scored.evidence ? observed(item, scored.evidence, m) : [];
  if (parts.length === 0) parts.push(m.t(`source.${scored.source}`));
  if (scored.overridden) {
    const o = observed(item, scored.overridden.evidence, m).join(m.t('evidence.sep'));
    parts.push(m.t('evidence.overridden', { score: scored.overridden.score, evidence: o }));
  }
  return parts.join(m.t('evidence.sep'));
}
