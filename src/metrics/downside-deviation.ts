import { assertFinite } from './assert-finite.js';

/** Options of `downsideDeviation`. */
export interface DownsideDeviationOptions {
  /** Minimum acceptable return per period, T (default 0). */
  requiredReturn?: number;
  /** When given, the result is annualised by √P (empyrical `downside_risk`); else per period. */
  periodsPerYear?: number;
}

/**
 * Downside deviation of simple per-period returns below the target T (Sortino & Price 1994):
 *   DD = √( (1/n)·Σ_t min(r_t − T, 0)² )
 * averaged over ALL n periods — periods above T contribute 0 — not only over the periods below T
 * (the common mistake the DESIGN.md conventions rule out). Per period unless `periodsPerYear` is
 * given, then DD·√P. Undefined for an empty series; 0 when no return is below T.
 */
export function downsideDeviation(returns: ArrayLike<number>, options: DownsideDeviationOptions = {}): number | undefined {
  assertFinite(returns, 'returns');
  const n = returns.length;
  if (n === 0) return undefined;
  const target = options.requiredReturn ?? 0;
  let squares = 0;
  for (let t = 0; t < n; t++) {
    const shortfall = Math.min(returns[t]! - target, 0);
    squares += shortfall * shortfall;
  }
  const perPeriod = Math.sqrt(squares / n);
  return options.periodsPerYear === undefined ? perPeriod : perPeriod * Math.sqrt(options.periodsPerYear);
}
