// `ips-fidelity score <files...>`: score reviews and print them; thresholds fail with exit 1.
import { checkThresholds, latestPositions, parseItemMinimum, type ItemMinimum, type ThresholdFailure } from '../../core/thresholds.js';
import { groupByProgram } from '../../core/identity.js';
import { scoreCsvLines } from '../../render/csv.js';
import { scoreJsonPieces } from '../../render/json.js';
import { programTitle, reviewBlocks, summaryBlocks } from '../../render/score-view.js';
import type { Block } from '../../render/view.js';
import { findItem, localize, type Scale } from '../../scale/scale.js';
import { Exit, EXIT, UsageError } from '../context.js';
import type { OptionsOf } from '../options.js';
import { emitView, readChecked, scoredInOrder } from '../pipeline.js';
import { closest } from '../../shared/suggest.js';

export async function runScore(files: string[], opts: OptionsOf<'score'>): Promise<void> {
  const minTotal = opts.minTotal;
  const { ctx, choice, reviews, policy } = await readChecked(files, opts);
  const m = ctx.m;
  const scales = [
    ...new Set(
      groupByProgram(reviews)
        .flat()
        .map((r) => choice.resolve(r.scaleId)),
    ),
  ];
  if (opts.minLevel !== undefined) {
    for (const scale of scales) {
      const ids = scale.bands.map((b) => b.id);
      if (!ids.slice(0, -1).includes(opts.minLevel)) {
        const suggestion = closest(opts.minLevel, ids.slice(0, -1));
        throw new UsageError('usage.level', {
          value: opts.minLevel,
          scale: scale.id,
          allowed: ids.slice(0, -1).join(', '),
          ...(suggestion ? { suggestion } : {}),
        });
      }
    }
  }

  const minItems = itemMinimums(opts.minItem ?? [], scales);

  // Thresholds are checked on each review as it is scored and written (with --latest, on each program's last).
  const checked = opts.latest ? latestPositions(groupByProgram(reviews).map((g) => g.length)) : undefined;
  const failures: ThresholdFailure[] = [];
  const scored = (function* () {
    let at = 0;
    for (const r of scoredInOrder(reviews, choice, policy)) {
      if (!checked || checked.has(at)) failures.push(...checkThresholds([r], { minTotal, minLevel: opts.minLevel, minItems }));
      at++;
      yield r;
    }
  })();
  await emitView(
    ctx,
    opts.format,
    {
      json: () => scoreJsonPieces(scored, m),
      csv: (style) => scoreCsvLines(scored, m, opts.layout, scales, style),
      xlsx: async () => (await import('../../render/xlsx-tables.js')).scoreTables([...scored], scales, m),
      blocks: () => {
        const all = [...scored];
        const view = { sort: opts.sort, notes: opts.notes, recommendations: opts.detail === true };
        const blocks: Block[] = [];
        if (all.length === 1 || opts.detail) {
          all.forEach((r, i) => {
            if (i > 0) blocks.push({ kind: 'line', text: '' });
            blocks.push(...reviewBlocks(r, m, view));
          });
        } else blocks.push(...summaryBlocks(all, m));
        return blocks;
      },
    },
    opts.output,
  );

  for (const f of failures) {
    const params: Record<string, string | number> = { ...f.params, program: programTitle(f.review), date: f.review.date ?? '—' };
    if (f.key === 'threshold.level') {
      const band = f.review.scale.bands.find((b) => b.id === f.params.band);
      const level = f.review.scale.bands.find((b) => b.id === f.params.level);
      params.band = localize(band?.label, m.lang);
      params.level = localize(level?.label, m.lang);
    }
    const key = f.key.startsWith('machine.') ? f.key : `problem.${f.key}`;
    ctx.fail(f.review.at, `${m.t('severity.failed')}: ${m.t(key, params)}`);
  }
  if (failures.length > 0) throw new Exit(EXIT.checkFailed);
}

/** --min-item CODE=N, each checked against the scales in use: a malformed value or an unknown item is a usage error. */
function itemMinimums(raw: string[], scales: Scale[]): ItemMinimum[] {
  return raw.map((text) => {
    const want = parseItemMinimum(text);
    if (!want) throw new UsageError('machine.usage.minItem', { value: text });
    if (!scales.some((s) => findItem(s, want.code))) {
      const codes = [...new Set(scales.flatMap((s) => s.items.map((i) => i.code)))];
      const near = closest(want.code, codes);
      throw new UsageError(near ? 'machine.usage.unknownItemNear' : 'machine.usage.unknownItem', {
        value: want.code,
        allowed: codes.join(', '),
        near: near ?? '',
      });
    }
    return want;
  });
}
