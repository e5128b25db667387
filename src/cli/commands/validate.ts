// `ips-fidelity validate <files...>`: list every problem in every file; change nothing.
import { readReviews } from '../../read/inputs.js';
import { countProblems, type Problem } from '../../shared/problems.js';
import { emitOrExplain, Exit, EXIT, makeContext, problemJson } from '../context.js';
import { dataLang } from '../pipeline.js';
import type { OptionsOf } from '../options.js';
import { scaleChoice } from '../scales-setup.js';
import { jsonText, visible } from '../../render/safe-text.js';
import { shownPath } from '../../read/files.js';

export async function runValidate(files: string[], opts: OptionsOf<'validate'>): Promise<void> {
  const choice = scaleChoice(opts);
  let errors = 0;
  const lines: string[] = [];
  const ctx = makeContext(opts, await dataLang(files, opts));
  const all: Problem[] = [];
  const perFile: { file: string; valid: boolean; reviews: number; ratings: number; errors: number; warnings: number }[] = [];
  for (const file of files) {
    const { reviews, problems, actions } = await readReviews([file], choice.resolve, undefined, { allowOutsideTables: opts.allowOutsideTables });
    for (const r of reviews) choice.frameworkFor(choice.resolve(r.scaleId));
    errors += ctx.report(problems);
    const { errors: fileErrors, warnings } = countProblems(problems);
    const ratings = reviews.reduce((n, r) => n + r.ratings.length, 0);
    for (const p of problems) all.push(p);
    perFile.push({ file: shownPath(file), valid: fileErrors === 0, reviews: reviews.length, ratings, errors: fileErrors, warnings });
    lines.push(
      fileErrors > 0
        ? ctx.m.t('validate.fileBad', { file: visible(shownPath(file)), errors: fileErrors, warnings })
        : actions !== undefined && reviews.length === 0
          ? ctx.m.t('cycle.validate.actionsOk', { file: visible(shownPath(file)), n: actions, warnings })
          : ctx.m.t('validate.fileOk', { file: visible(shownPath(file)), reviews: reviews.length, ratings, warnings }),
    );
  }
  ctx.report(choice.warnings);
  for (const p of choice.warnings) all.push(p);
  if (opts.format === 'json') {
    const counts = countProblems(all);
    const doc = {
      schemaVersion: 1,
      lang: ctx.m.lang,
      valid: counts.errors === 0,
      errors: counts.errors,
      warnings: counts.warnings,
      files: perFile,
      problems: all.map((p) => problemJson(p, ctx.m)),
    };
    emitOrExplain(ctx, jsonText(JSON.stringify(doc, null, 2)) + '\n', undefined);
  } else if (!ctx.quiet) process.stdout.write(lines.join('\n') + '\n');
  if (errors > 0) throw new Exit(EXIT.invalid);
}
