// `ips-fidelity scales [id]`: list the built-in scales and frameworks, or show one with its anchors.
import { BUILTIN_FRAMEWORKS, BUILTIN_SCALES, loadFramework, loadScale } from '../../read/data-files.js';
import { findItem, localize, type Scale } from '../../scale/scale.js';
import { itemJson, toolkitBlocks } from '../../render/toolkit-view.js';
import { ruleText } from '../../render/evidence.js';
import type { Block } from '../../render/view.js';
import type { View } from '../../render/formats.js';
import { makeContext } from '../context.js';
import { jsonText } from '../../render/safe-text.js';
import { badValue, type OptionsOf } from '../options.js';
import { emitView, textStyle } from '../pipeline.js';
import type { Messages } from '../../i18n/locale.js';

function listBlocks(m: Messages): Block[] {
  const scales = BUILTIN_SCALES.map((id) => loadScale(id));
  const ips25 = scales[0]!;
  const frameworks = Object.entries(BUILTIN_FRAMEWORKS).map(([n, id]) => ({ n, id, f: loadFramework(n, ips25).framework }));
  return [
    { kind: 'heading', text: m.t('scales.scales') },
    {
      kind: 'table',
      columns: [
        { title: m.t('col.id') },
        { title: m.t('col.name') },
        { title: m.t('col.items'), align: 'right' },
        { title: m.t('col.range') },
        { title: m.t('col.bands'), wrap: true },
      ],
      rows: scales.map((s) => [
        s.id,
        localize(s.name, m.lang),
        String(s.items.length),
        `${s.minTotal}–${s.maxTotal}`,
        s.bands.map((b) => `${b.id} ≥${b.min}`).join(', '),
      ]),
    },
    { kind: 'heading', text: m.t('scales.frameworks') },
    {
      kind: 'table',
      columns: [{ title: m.t('col.option') }, { title: m.t('col.id') }, { title: m.t('col.name') }, { title: m.t('col.principles'), wrap: true }],
      rows: frameworks.map(({ n, id, f }) => [
        `--principles ${n}`,
        id,
        localize(f.name, m.lang),
        f.principles.map((p) => localize(p.label, m.lang)).join(', '),
      ]),
    },
    { kind: 'line', text: '' },
    { kind: 'line', text: m.t('scales.hint'), tone: 'muted' },
  ];
}

function scaleBlocks(s: Scale, m: Messages, only?: string): Block[] {
  const L = (t: { en: string; [k: string]: string } | string | undefined) => localize(t, m.lang);
  const blocks: Block[] = [];
  if (!only) {
    blocks.push({ kind: 'title', text: `${s.id} — ${L(s.name)}` });
    blocks.push({
      kind: 'line',
      text: `${m.t('scales.version')}${m.t('format.labelSep')}${L(s.version)} · ${m.t('scales.range', { min: s.minTotal, max: s.maxTotal })}`,
      tone: 'muted',
    });
    blocks.push({ kind: 'line', text: s.bands.map((b) => `${L(b.label)} ≥ ${b.min}`).join(' · ') });
    for (const note of s.notes) blocks.push({ kind: 'line', text: `* ${L(note)}`, tone: 'muted' });
  }
  for (const sec of s.sections) {
    const items = s.items.filter((i) => i.section === sec.id && (!only || i.code.toLowerCase() === only.toLowerCase() || i.id === only));
    if (items.length === 0) continue;
    if (!only) blocks.push({ kind: 'heading', text: `${sec.code} — ${L(sec.name)}` });
    for (const it of items) {
      blocks.push({
        kind: 'heading',
        text: `${it.code}  ${L(it.name)}  (${it.id}, ${m.t(`kind.${it.kind}`)}${it.perSpecialist ? ', ' + m.t('scales.perSpecialist') : ''})`,
      });
      blocks.push({ kind: 'line', text: L(it.criterion) });
      const rows = Object.keys(it.anchors)
        .map(Number)
        .sort((a, b) => a - b)
        .map((score) => {
          const rules = (it.rules ?? []).filter((r) => r.score === score).map((r) => ruleText(r, m) || m.t('scales.otherwise'));
          const elements = (it.elementScores ?? []).map((sc, count) => (sc === score ? count : -1)).filter((c) => c >= 0);
          const how = [rules.join(m.t('evidence.or')), elements.length ? m.t('scales.elementCount', { list: elements.join(', ') }) : '']
            .filter(Boolean)
            .join(' ');
          return [String(score), how, L(it.anchors[String(score)])];
        });
      blocks.push({
        kind: 'table',
        columns: [{ title: m.t('col.score'), align: 'right' }, { title: m.t('col.rule') }, { title: m.t('col.anchor'), wrap: true }],
        rows,
      });
      if (it.elements) for (const e of it.elements) blocks.push({ kind: 'line', text: `  (${e.id}) ${L(e.label)}` });
      if (it.ruleNote) blocks.push({ kind: 'line', text: `${m.t('scales.rule')}${m.t('format.labelSep')}${L(it.ruleNote)}`, tone: 'muted' });
      for (const c of it.caps)
        blocks.push({ kind: 'line', text: m.t('scales.cap', { flag: c.flag, label: L(c.label), max: c.maxWithout }), tone: 'muted' });
      if (it.computed) blocks.push({ kind: 'line', text: `${m.t('scales.computed')}${m.t('format.labelSep')}${L(it.computed)}`, tone: 'muted' });
      if (it.provisional)
        blocks.push({ kind: 'line', text: `${m.t('scales.provisional')}${m.t('format.labelSep')}${L(it.provisional)}`, tone: 'fair' });
      blocks.push({ kind: 'line', text: m.t(`measures.anchorStatus.${it.anchorStatus}`), tone: it.anchorStatus === 'verified' ? 'muted' : 'fair' });
      // The reviewer toolkit with --item (the whole scale would be too long with every item's).
      if (only) blocks.push(...toolkitBlocks(s, it, m));
    }
  }
  return blocks;
}

export async function runScales(id: string | undefined, opts: OptionsOf<'scales'>): Promise<void> {
  const ctx = makeContext(opts);
  const m = ctx.m;
  let view: View;
  if (!id) {
    view = {
      json: () =>
        json({
          kind: 'list',
          scales: BUILTIN_SCALES.map((s) => {
            const sc = loadScale(s);
            return { id: sc.id, name: sc.name, items: sc.items.length, min: sc.minTotal, max: sc.maxTotal, bands: sc.bands };
          }),
          frameworks: Object.entries(BUILTIN_FRAMEWORKS).map(([option, fid]) => ({
            option,
            id: fid,
            name: loadFramework(option, loadScale('ips-25')).framework.name,
          })),
        }),
      blocks: () => listBlocks(m),
    };
  } else if (BUILTIN_FRAMEWORKS[id] || Object.values(BUILTIN_FRAMEWORKS).includes(id)) {
    const f = loadFramework(id, loadScale('ips-25')).framework;
    view = {
      json: () => json({ kind: 'framework', framework: f }),
      blocks: () => [
        { kind: 'title', text: `${f.id} — ${localize(f.name, m.lang)}` },
        {
          kind: 'table',
          columns: [{ title: m.t('col.principle') }, { title: m.t('col.items'), wrap: true }],
          rows: f.principles.map((p) => [localize(p.label, m.lang), p.items.join(', ')]),
        },
      ],
    };
  } else {
    const s = loadScale(id);
    if (opts.item !== undefined && !s.items.some((i) => i.code.toLowerCase() === opts.item!.toLowerCase() || i.id === opts.item)) {
      throw badValue(
        '--item',
        opts.item,
        s.items.map((i) => i.code),
      );
    }
    const item = opts.item === undefined ? undefined : findItem(s, opts.item);
    // With --item, the scale with that item only, and the item's toolkit roles and source beside it.
    view = {
      json: () => json({ kind: 'scale', ...(item ? (itemJson(s, item) as object) : {}), scale: item ? { ...s, items: [item] } : s }),
      blocks: () => scaleBlocks(s, m, opts.item),
    };
  }
  // The list of scales keeps the terminal's width even in a file (as it always has).
  await emitView(ctx, opts.format, view, opts.output, { ...textStyle(ctx, opts.output), width: ctx.width });
}

/** The versioned JSON of src/contract/scales-json.ts. */
function json(doc: object): string {
  return jsonText(JSON.stringify({ schemaVersion: 1, ...doc }, null, 2)) + '\n';
}
