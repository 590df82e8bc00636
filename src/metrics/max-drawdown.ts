import { TradegymError } from '../core/errors.js';
import { assertFinite } from './assert-finite.js';

/** The deepest fall of an equity curve from its running peak. Indices are bar indices of the curve. */
export interface MaxDrawdown {
  /** max over t of 1 − equity[t] / max_{s ≤ t} equity[s], a fraction ≥ 0 (0.5 = −50%; empyrical reports −depth). */
  depth: number;
  /** Bar of the running peak before the deepest trough (the last bar at that peak level). */
  peakIndex: number;
  /** Bar of the deepest trough. */
  troughIndex: number;
  /** First bar after the trough where equity is back at or above the peak; undefined if never. */
  recoveryIndex: number | undefined;
  /** Bars from `peakIndex` to `recoveryIndex`, or to the last bar when not recovered; 0 when depth is 0. */
  durationBars: number;
  /** Longest stretch (bars) of any drawdown, peak to recovery or to the last bar if still under water. */
  longestDurationBars: number;
}

/**
 * Maximum drawdown of an equity curve (Magdon-Ismail & Atiya 2004): the largest relative fall
 * from the running peak, with where it happened and how long it lasted. For a returns series,
 * pass `equityFromReturns(returns)`, whose equity starts at 1 before the first return (so bar
 * index t + 1 is the end of return t). Ties keep the first deepest trough. Undefined for fewer
 * than 2 points.
 * @param equity account value per bar, finite, first value > 0.
 */
export function maxDrawdown(equity: ArrayLike<number>): MaxDrawdown | undefined {
  assertFinite(equity, 'equity');
  const n = equity.length;
  if (n < 2) return undefined;
  if (!(equity[0]! > 0)) {
    throw new TradegymError('E_BAD_ARGUMENT', `equity[0] is ${equity[0]}; drawdowns need a positive starting equity.`);
  }
  let peak = equity[0]!;
  let peakIndex = 0;
  const worst = { depth: 0, peakIndex: 0, troughIndex: 0 };
  for (let t = 1; t < n; t++) {
    const e = equity[t]!;
    if (e >= peak) {
      peak = e;
      peakIndex = t;
    } else if (1 - e / peak > worst.depth) {
      worst.depth = 1 - e / peak;
      worst.peakIndex = peakIndex;
      worst.troughIndex = t;
    }
  }
  if (worst.depth === 0) {
    return { depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: undefined, durationBars: 0, longestDurationBars: 0 };
  }
  const recoveryIndex = firstAtOrAbove(equity, equity[worst.peakIndex]!, worst.troughIndex + 1);
  const durationBars = (recoveryIndex ?? n - 1) - worst.peakIndex;
  return { ...worst, recoveryIndex, durationBars, longestDurationBars: longestUnderwater(equity) };
}

function firstAtOrAbove(equity: ArrayLike<number>, level: number, from: number): number | undefined {
  for (let t = from; t < equity.length; t++) if (equity[t]! >= level) return t;
  return undefined;
}

/** Longest run, in bars, from a peak until equity is back at or above it (or to the last bar). */
function longestUnderwater(equity: ArrayLike<number>): number {
  let peak = equity[0]!;
  let peakIndex = 0;
  let longest = 0;
  for (let t = 1; t < equity.length; t++) {
    if (equity[t]! >= peak) {
      // A gap of more than one bar since the last peak means equity was below it in between.
      if (t - peakIndex > 1) longest = Math.max(longest, t - peakIndex);
      peak = equity[t]!;
      peakIndex = t;
    }
  }
  const last = equity.length - 1;
  if (equity[last]! < peak) longest = Math.max(longest, last - peakIndex);
  return longest;
}
