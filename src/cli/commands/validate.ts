// `ips-fidelity validate <files...>`: list every problem in every file; change nothing.
import { readReviews } from '../../read/inputs.js';
import { countProblems } from '../../shared/problems.js';
import { Exit, EXIT, makeContext } from '../context.js';
import type { OptionsOf } from '../options.js';
import { scaleChoice } from '../scales-setup.js';
import { visible } from '../../render/safe-text.js';
import { shownPath } from '../../read/files.js';

export async function runValidate(files: string[], opts: OptionsOf<'validate'>): Promise<void> {
  const choice = scaleChoice(opts);
  let errors = 0;
  const lines: string[] = [];
  const ctx = makeContext(opts);
  for (const file of files) {
    const { reviews, problems, actions } = await readReviews([file], choice.resolve, undefined, { allowOutsideTables: opts.allowOutsideTables });
    for (const r of reviews) choice.frameworkFor(choice.resolve(r.scaleId));
    errors += ctx.report(problems);
    const { errors: fileErrors, warnings } = countProblems(problems);
    const ratings = reviews.reduce((n, r) => n + r.ratings.length, 0);
    lines.push(
      fileErrors > 0
        ? ctx.m.t('validate.fileBad', { file: visible(shownPath(file)), errors: fileErrors, warnings })
        : actions !== undefined && reviews.length === 0
          ? ctx.m.t('cycle.validate.actionsOk', { file: visible(shownPath(file)), n: actions, warnings })
          : ctx.m.t('validate.fileOk', { file: visible(shownPath(file)), reviews: reviews.length, ratings, warnings }),
    );
  }
  ctx.report(choice.warnings);
  if (!ctx.quiet) process.stdout.write(lines.join('\n') + '\n');
  if (errors > 0) throw new Exit(EXIT.invalid);
}
