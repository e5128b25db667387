// The JSON contract (schemaVersion 1): stable key order, every number with its inputs.
import type { Messages } from '../i18n/locale.js';
import { localize } from '../scale/scale.js';
import type { ScoredReview } from '../core/score-review.js';
import { evidenceText } from './evidence.js';
import { itemAdvice } from './recommendations.js';
import { jsonText } from './safe-text.js';

export const SCHEMA_VERSION = 1;

export function reviewJson(r: ScoredReview, m: Messages) {
  const adviceOf = new Map(itemAdvice(r, m).map((a) => [a.id, a]));
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const itemOf = new Map(r.scale.items.map((i) => [i.id, i]));
  const sectionOf = new Map(r.scale.sections.map((s) => [s.id, s]));
  return {
    program: { name: r.program.name, id: r.program.id ?? null, site: r.program.site ?? null },
    date: r.date,
    type: r.type ?? null,
    reviewers: r.reviewers,
    period: r.period ?? null,
    scale: r.scale.id,
    scaleVersion: localize(r.scale.version, m.lang),
    principleFramework: r.framework.id,
    complete: r.complete,
    rated: r.rated,
    itemCount: r.itemCount,
    total: r.total,
    max: r.max,
    ratedSum: r.ratedSum,
    mean: r.mean,
    band: r.band ? { id: r.band.id, label: L(r.band.label), min: r.band.min } : null,
    bands: r.scale.bands.map((b) => ({ id: b.id, label: L(b.label), min: b.min })),
    sections: r.sections.map((s) => ({
      id: s.id,
      code: s.code,
      label: L(sectionOf.get(s.id)?.name),
      score: s.score,
      max: s.max,
      rated: s.rated,
      items: s.items,
      mean: s.mean,
    })),
    principles: r.principles.map((p) => ({
      id: p.id,
      label: L(r.framework.principles.find((x) => x.id === p.id)?.label),
      mean: p.mean,
      rated: p.rated,
      items: p.items,
    })),
    items: r.items.map((it) => {
      const item = itemOf.get(it.id)!;
      return {
        id: it.id,
        code: it.code,
        name: L(item.name),
        section: it.section,
        score: it.score,
        source: it.source,
        evidence: it.evidence,
        evidenceText: evidenceText(item, it, m),
        note: it.note,
        ...(it.overridden ? { overridden: it.overridden } : {}),
        finding: it.finding ?? null,
        recommendation: it.recommendation ?? null,
        computedRecommendation: adviceOf.get(it.id)?.computed.length ? adviceOf.get(it.id)!.computed : null,
      };
    }),
    agreement: r.agreement,
    change: r.change,
    ...(r.nextReview !== undefined ? { nextReview: r.nextReview } : {}),
  };
}

/** The JSON of scored reviews, a review at a time (as JSON.stringify(..., null, 2) would write it whole). */
export function* scoreJsonPieces(reviews: Iterable<ScoredReview>, m: Messages): Iterable<string> {
  yield `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "lang": ${JSON.stringify(m.lang)},\n  "reviews": [`;
  let first = true;
  for (const r of reviews) {
    yield (first ? '\n    ' : ',\n    ') + jsonText(JSON.stringify(reviewJson(r, m), null, 2)).replace(/\n/g, '\n    ');
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}
