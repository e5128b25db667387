// commander's own error messages (unknown option or command, "did you mean", bad choices) in the output
// language. commander writes them in English; they are matched by their fixed wording (commander 14).
import type { Messages } from './locale.js';

const PATTERNS: [RegExp, string, string[]][] = [
  [/unknown option '(.+?)'/, 'unknownOption', ['option']],
  [/unknown command '(.+?)'/, 'unknownCommand', ['command']],
  [/missing required argument '(.+?)'/, 'missingArgument', ['argument']],
  [/option '(.+?)' argument missing/, 'optionMissing', ['option']],
  [/option '(.+?)' argument '(.*?)' is invalid\./, 'invalidValue', ['option', 'value']],
  [/command-argument value '(.*?)' is invalid for argument '(.+?)'\./, 'invalidArgument', ['value', 'argument']],
  [/Allowed choices are (.+)\./, 'allowedChoices', ['list']],
  [/too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\./, 'tooManyFor', ['command', 'expected', 'got']],
  [/too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'tooMany', ['expected', 'got']],
  [/\(Did you mean one of (.+)\?\)/, 'didYouMeanOneOf', ['list']],
  [/\(Did you mean (.+)\?\)/, 'didYouMean', ['name']],
  [/^error: /m, 'error', []],
];

/** A message commander wrote, in the language of `m` (as it is in English, or when its wording is not known). */
export function commanderText(s: string, m: Messages): string {
  if (m.lang === 'en') return s;
  for (const [re, key, names] of PATTERNS) {
    s = s.replace(re, (...match: string[]) => {
      const params = Object.fromEntries(names.map((n, i) => [n, /^\d+$/.test(match[i + 1]!) ? Number(match[i + 1]) : match[i + 1]!]));
      return key === 'error' ? `${m.t('severity.error')}: ` : m.t(`machine.commander.${key}`, params);
    });
  }
  return s;
}
