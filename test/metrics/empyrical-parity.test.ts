import { describe, expect, it } from 'vitest';
import { annualVolatility } from '../../src/metrics/annual-volatility.js';
import { cagr } from '../../src/metrics/cagr.js';
import { calmarRatio } from '../../src/metrics/calmar-ratio.js';
import { downsideDeviation } from '../../src/metrics/downside-deviation.js';
import { equityFromReturns } from '../../src/metrics/equity-from-returns.js';
import { maxDrawdown } from '../../src/metrics/max-drawdown.js';
import { sharpeRatio } from '../../src/metrics/sharpe-ratio.js';
import { sortinoRatio } from '../../src/metrics/sortino-ratio.js';

/**
 * What empyrical 0.5.5 (and quantstats' sharpe/sortino with default arguments) report for
 * returns r = [0.01, −0.02, 0.015, −0.005, 0.03], daily (P = 252), worked out by hand from their
 * formulas:
 *   mean = 0.03 / 5 = 0.006
 *   deviations 0.004, −0.026, 0.009, −0.011, 0.024 → Σ² = 0.00147 → var (ddof 1) = 0.0003675
 *   std = 0.0191702895
 *   annual_volatility = 0.0191702895·√252 = 0.3043189117
 *   sharpe_ratio = 0.006 / 0.0191702895 · 15.8745078664 = 4.9684720273
 *   downside_risk = √((0.02² + 0.005²)/5)·√252 = √0.000085·15.8745078664 = 0.1463557310
 *   sortino_ratio = 0.006·252 / 0.1463557310 = 10.3309927773
 *     (quantstats: 0.006 / √(0.000425/5) · √252, the same number)
 *   equity 1, 1.01, 0.9898, 1.004647, 0.9996237650, 1.0296124779 → max_drawdown = 0.9898/1.01 − 1 = −0.02
 *   annual_return = 1.0296124779^(252/5) − 1 = 3.3527064365
 *   calmar_ratio = 3.3527064365 / 0.02 = 167.6353218261
 */
describe('metrics match empyrical / quantstats on one worked example', () => {
  const r = [0.01, -0.02, 0.015, -0.005, 0.03];
  const P = 252;

  it('agrees on volatility, Sharpe and Sortino', () => {
    expect(annualVolatility(r, P)).toBeCloseTo(0.3043189116699782, 12);
    expect(sharpeRatio(r, { periodsPerYear: P })).toBeCloseTo(4.9684720272649505, 12);
    expect(downsideDeviation(r, { periodsPerYear: P })).toBeCloseTo(0.14635573101180563, 12);
    expect(sortinoRatio(r, { periodsPerYear: P })).toBeCloseTo(10.330992777303925, 11);
  });

  it('agrees on max drawdown, annual return and Calmar', () => {
    expect(-maxDrawdown(equityFromReturns(r))!.depth).toBeCloseTo(-0.02, 14);
    expect(cagr(r, P)).toBeCloseTo(3.3527064365220456, 11);
    expect(calmarRatio(r, P)).toBeCloseTo(167.63532182610214, 9);
  });
});
