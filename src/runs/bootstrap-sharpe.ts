import type { Rng } from '../core/rng.js';
import { sharpeRatio } from '../metrics/sharpe-ratio.js';

/** Options of `bootstrapSharpeInterval`. */
export interface BootstrapOptions {
  /** Bootstrap resamples (default 2,000). */
  resamples?: number;
  /** Block length in periods of the circular block bootstrap (default 10; 1 = i.i.d. bootstrap). */
  blockLength?: number;
  /** Two-sided coverage (default 0.95). */
  confidence?: number;
  /** P for the annualised Sharpe (default 252). */
  periodsPerYear?: number;
}

/** A percentile bootstrap interval of the annualised Sharpe ratio. */
export interface SharpeInterval {
  sharpe: number | null;
  low: number | null;
  high: number | null;
  resamples: number;
}

/**
 * Percentile confidence interval of the annualised Sharpe ratio (empyrical convention,
 * `sharpeRatio`) by the circular block bootstrap (Politis & Romano 1992): each resample
 * concatenates blocks of `blockLength` consecutive returns starting at uniform positions
 * (wrapping around), which keeps short-range dependence such as volatility clustering.
 * Resamples with an undefined Sharpe (zero variance) are dropped; null when none is defined.
 */
export function bootstrapSharpeInterval(returns: ArrayLike<number>, rng: Rng, options: BootstrapOptions = {}): SharpeInterval {
  const n = returns.length;
  const resamples = options.resamples ?? 2000;
  const block = Math.max(1, Math.min(options.blockLength ?? 10, n));
  const alpha = 1 - (options.confidence ?? 0.95);
  const sharpeOptions = { periodsPerYear: options.periodsPerYear ?? 252 };
  const sharpe = n >= 2 ? sharpeRatio(returns, sharpeOptions) ?? null : null;
  const draws: number[] = [];
  const sample = new Float64Array(n);
  for (let r = 0; r < resamples && n >= 2; r++) {
    for (let i = 0; i < n; i += block) {
      const start = rng.int(n);
      for (let k = 0; k < block && i + k < n; k++) sample[i + k] = returns[(start + k) % n]!;
    }
    const s = sharpeRatio(sample, sharpeOptions);
    if (s !== undefined) draws.push(s);
  }
  if (draws.length === 0) return { sharpe, low: null, high: null, resamples: 0 };
  draws.sort((a, b) => a - b);
  return { sharpe, low: quantile(draws, alpha / 2), high: quantile(draws, 1 - alpha / 2), resamples: draws.length };
}

/** Linear-interpolation quantile of sorted values (numpy's default). */
function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
