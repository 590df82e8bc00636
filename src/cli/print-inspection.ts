import type { BarsInspection } from '../runs/inspect-bars.js';
import type { CliIo } from './cli-io.js';
import { fixed, keyValueTable, percent } from './key-value-table.js';

/** Prints a `data inspect` summary as an aligned two-column table on stdout. */
export function printInspection(io: CliIo, file: string, s: BarsInspection): void {
  const r = s.returns;
  const gaps = s.gaps.total === 0
    ? 'none'
    : `${s.gaps.total} (${s.gaps.weekendOnly} weekend-only, ${s.gaps.other} other)${s.gaps.largest ? `; largest ${s.gaps.largest.from} → ${s.gaps.largest.to} (${s.gaps.largest.missingBars} bars)` : ''}`;
  io.out(keyValueTable([
    ['file', file],
    ['symbol', s.symbol],
    ['rows', String(s.rows)],
    ['range', `${s.first} → ${s.last}`],
    ['interval', `${s.interval} (P = ${s.periodsPerYear} periods/year, ${s.periodsPerYearSource})`],
    ['gaps', gaps],
    ...s.gaps.firstOther.map((g, i) => [`  gap ${i + 1}`, `${g.from} → ${g.to} (${g.missingBars} missing bars)`] as const),
    ['close', `${s.price.firstClose} → ${s.price.lastClose} (low ${s.price.minLow}, high ${s.price.maxHigh})`],
    ['returns', `${r.count} close-to-close`],
    ['  mean', `${fixed(r.mean, 6)} (annualised ${percent(r.annualizedMean)})`],
    ['  std', `${fixed(r.std, 6)} (annualised ${percent(r.annualizedVolatility)})`],
    ['  skew / ex. kurtosis', `${fixed(r.skewness, 3)} / ${fixed(r.excessKurtosis, 3)}`],
    ['  lag-1 autocorr.', fixed(r.lag1Autocorrelation, 4)],
    ['  min', `${percent(r.min)} on ${r.minAt ?? '—'}`],
    ['  max', `${percent(r.max)} on ${r.maxAt ?? '—'}`],
    ['buy & hold Sharpe', fixed(r.sharpe, 3)],
    ['buy & hold max DD', percent(s.maxDrawdown === null ? null : -s.maxDrawdown)],
    ['zero-volume bars', String(s.zeroVolumeBars)],
    ['feature warm-up', `${s.featureWarmupBars} bars; ${s.observableBars} observable`],
    ['fingerprint', s.fingerprint],
  ]));
}
