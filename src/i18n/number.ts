// Number formatting for English (en-GB) and French (fr-FR), the same text Intl.NumberFormat gives
// (test/unit/number-format.test.ts compares them), without it: the first Intl.NumberFormat of a
// process costs ~10 ms of ICU start-up, a twentieth of a whole `score` run.

export interface NumberStyle {
  decimal: string;
  group: string;
}

export const NUMBER_STYLES: Record<'en' | 'fr', NumberStyle> = {
  en: { decimal: '.', group: ',' },
  fr: { decimal: ',', group: '\u202f' },
};

/**
 * |x| rounded to `decimals` digits after the point, as a string of digits with no point: ICU rounds
 * the shortest decimal form of the double (what String(x) gives), half away from zero.
 */
function roundedDigits(x: number, decimals: number): string {
  const s = String(Math.abs(x));
  const [mantissa = '', exp = '0'] = s.split('e');
  const [int = '', frac = ''] = mantissa.split('.');
  const digits = BigInt(int + frac);
  // |x| = digits × 10^shift, and we want round(|x| × 10^decimals).
  const shift = Number(exp) - frac.length + decimals;
  if (shift >= 0) return (digits * 10n ** BigInt(shift)).toString();
  const unit = 10n ** BigInt(-shift);
  const q = digits / unit;
  return (2n * (digits % unit) >= unit ? q + 1n : q).toString();
}

/** x with `min` to `max` decimals, the style's decimal mark, and thousands grouped when asked. */
export function formatNumber(x: number, style: NumberStyle, opts: { min: number; max: number; grouping: boolean }): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return sign + '∞';
  const d = opts.max;
  const all = roundedDigits(x, d).padStart(d + 1, '0');
  let int = all.slice(0, all.length - d);
  let frac = all.slice(all.length - d);
  while (frac.length > opts.min && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (opts.grouping && int.length > 3) int = int.replace(/\B(?=(\d{3})+$)/g, style.group);
  return sign + int + (frac ? style.decimal + frac : '');
}
