import { TradegymError } from '../core/errors.js';
import { type BarSeries, barCount, createBarSeries } from './bar-series.js';

/**
 * The series with its volatility scaled by `scale` around its drift: every bar's open, high, low
 * and close log-prices relative to the previous close, x = log(X_t / C_{t−1}), become
 * μ + scale·(x − μ) with μ the mean close-to-close log return, and the path is rebuilt from the
 * first close. The map is increasing in x, so each bar stays consistent (low ≤ open, close ≤ high);
 * the mean log return is kept and the standard deviation of close-to-close log returns is
 * multiplied by `scale` exactly. Volume and timestamps are unchanged; bar 0 is kept.
 * Used by domain randomisation to train on calmer and wilder versions of a market.
 * @throws TradegymError E_BAD_ARGUMENT for a non-positive or non-finite scale.
 */
export function scaleVolatility(series: BarSeries, scale: number): BarSeries {
  if (!(scale > 0 && Number.isFinite(scale))) {
    throw new TradegymError('E_BAD_ARGUMENT', `volatility scale is ${scale}; expected a finite number > 0 (1 = unchanged).`, { value: String(scale) });
  }
  const n = barCount(series);
  const { open, high, low, close } = series;
  const out = { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n) };
  if (n === 0) return createBarSeries({ ...series, ...out, volume: series.volume, timestamps: series.timestamps });
  const mu = n > 1 ? Math.log(close[n - 1]! / close[0]!) / (n - 1) : 0;
  out.open[0] = open[0]!;
  out.high[0] = high[0]!;
  out.low[0] = low[0]!;
  out.close[0] = close[0]!;
  const map = (x: number) => mu + scale * (x - mu);
  for (let t = 1; t < n; t++) {
    const previous = close[t - 1]!;
    const base = out.close[t - 1]!;
    out.open[t] = base * Math.exp(map(Math.log(open[t]! / previous)));
    out.high[t] = base * Math.exp(map(Math.log(high[t]! / previous)));
    out.low[t] = base * Math.exp(map(Math.log(low[t]! / previous)));
    out.close[t] = base * Math.exp(map(Math.log(close[t]! / previous)));
  }
  return createBarSeries({ symbol: series.symbol, timestamps: series.timestamps, volume: series.volume, ...out });
}
