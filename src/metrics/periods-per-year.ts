/** Periods per year assumed when neither given nor inferable: daily bars of a business-day market. */
export const DEFAULT_PERIODS_PER_YEAR = 252;

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

/**
 * Infers the annualisation factor P (bars per year) from bar timestamps (epoch ms, increasing).
 * Δ = median spacing. The calendar is read from the data: a market is "7-day" when ≥ 10% of bars
 * fall on a UTC Saturday or Sunday (crypto; 2/7 ≈ 29% expected), else "business-day".
 * - Δ ≈ 1 day (0.5–1.5 d): 365 for 7-day data, 252 for business-day data (empyrical's daily).
 * - Δ ≈ 1 week → 52, ≈ 1 month (27–32 d) → 12, ≈ 1 quarter (85–95 d) → 4, ≈ 1 year → 1.
 * - Intraday (Δ < 0.5 d): bars per active day b = median count of bars per UTC day with bars;
 *   7-day → round(365·b) (hourly crypto 8760); business-day and b·Δ ≥ 20 h (a 24/5 market such as
 *   FX) → round(260·b) (hourly FX 6240); otherwise a session market → round(252·b) (hourly bars of
 *   a 6.5 h equity session, 7 a day, → 1764).
 * - Any other spacing: round(365.25 d / Δ).
 * Undefined for fewer than 2 timestamps. A guess from the data: pass `periodsPerYear` to override.
 */
export function inferPeriodsPerYear(timestamps: ArrayLike<number>): number | undefined {
  const n = timestamps.length;
  if (n < 2) return undefined;
  const spacing = medianSpacing(timestamps);
  if (!(spacing > 0)) return undefined;
  const days = spacing / DAY_MS;
  const sevenDay = weekendFraction(timestamps) >= 0.1;
  if (days >= 0.5 && days <= 1.5) return sevenDay ? 365 : 252;
  if (days >= 6 && days <= 8) return 52;
  if (days >= 27 && days <= 32) return 12;
  if (days >= 85 && days <= 95) return 4;
  if (days >= 360 && days <= 370) return 1;
  if (days > 0.5) return Math.round(YEAR_MS / spacing);
  const barsPerDay = medianBarsPerDay(timestamps);
  if (sevenDay) return Math.round(365 * barsPerDay);
  return Math.round((barsPerDay * spacing >= 20 * 3_600_000 ? 260 : 252) * barsPerDay);
}

function medianSpacing(timestamps: ArrayLike<number>): number {
  const diffs = new Float64Array(timestamps.length - 1);
  for (let i = 1; i < timestamps.length; i++) diffs[i - 1] = timestamps[i]! - timestamps[i - 1]!;
  return median(diffs);
}

/** Fraction of bars whose UTC day is a Saturday or Sunday (1970-01-01 was a Thursday). */
function weekendFraction(timestamps: ArrayLike<number>): number {
  let weekend = 0;
  for (let i = 0; i < timestamps.length; i++) {
    const weekday = (((Math.floor(timestamps[i]! / DAY_MS) + 4) % 7) + 7) % 7;
    if (weekday === 0 || weekday === 6) weekend++;
  }
  return weekend / timestamps.length;
}

/** Median number of bars per UTC calendar day, over the days that have bars. */
function medianBarsPerDay(timestamps: ArrayLike<number>): number {
  const counts: number[] = [];
  let day = Math.floor(timestamps[0]! / DAY_MS);
  let count = 0;
  for (let i = 0; i < timestamps.length; i++) {
    const d = Math.floor(timestamps[i]! / DAY_MS);
    if (d !== day) {
      counts.push(count);
      day = d;
      count = 0;
    }
    count++;
  }
  counts.push(count);
  return median(Float64Array.from(counts));
}

function median(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
