import { TradegymError } from '../core/errors.js';

/**
 * Places a technicalindicators result in a length-`n` column indexed by bar.
 *
 * The library returns arrays shorter than its input and END-aligned: `output[k]` belongs to input
 * index `n − output.length + k`. Indices before that, and entries `pick` maps to `undefined`, are
 * NaN. The first aligned index must equal `expectedFirst` (the warm-up documented in the feature
 * catalog); a mismatch means the library's behaviour changed and is reported, never guessed around.
 * @throws TradegymError `E_INTERNAL` naming `label` when the warm-up differs.
 */
export function endAlign<T>(
  output: readonly T[],
  n: number,
  expectedFirst: number,
  label: string,
  pick: (value: T) => number | undefined,
): Float64Array {
  const first = n - output.length;
  if (first !== expectedFirst) {
    throw new TradegymError(
      'E_INTERNAL',
      `technicalindicators ${label} returned ${output.length} values for ${n} bars (first at bar ${first}); ` +
        `expected the first value at bar ${expectedFirst}. The library's warm-up changed; update src/features.`,
    );
  }
  const column = new Float64Array(n).fill(NaN);
  for (let k = 0; k < output.length; k++) {
    const v = pick(output[k]!);
    if (v !== undefined) column[first + k] = v;
  }
  return column;
}

/** `endAlign` for plain numeric outputs (SMA, RSI, ATR, CCI, …). */
export function endAlignNumbers(output: readonly number[], n: number, expectedFirst: number, label: string): Float64Array {
  return endAlign(output, n, expectedFirst, label, (v) => v);
}
