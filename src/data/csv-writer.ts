import { writeFile } from 'node:fs/promises';
import { TradegymError } from '../core/errors.js';
import { barCount, type BarSeries } from './bar-series.js';
import { formatTimestamp, timestampStyleFor } from './timestamp-formatter.js';

/** Header line of the generic format the writer produces. */
export const GENERIC_CSV_HEADER = 'timestamp,open,high,low,close,volume';

/**
 * Formats a series as generic CSV: header `timestamp,open,high,low,close,volume`, LF line
 * endings, a final newline. Timestamps are `YYYY-MM-DD` when every bar is at 00:00 UTC, else
 * ISO datetimes in UTC (`…THH:MM:SSZ`, with `.mmm` only when needed). Numbers use JavaScript's
 * shortest round-trip formatting, so `parseBarsCsv(formatBarsCsv(s))` reproduces every value bit for bit.
 * @throws TradegymError E_BAD_ARGUMENT when a timestamp is not an integer millisecond in years 0000–9999.
 */
export function formatBarsCsv(series: BarSeries): string {
  const n = barCount(series);
  checkWritableTimestamps(series.timestamps);
  const style = timestampStyleFor(series.timestamps);
  const { timestamps, open, high, low, close, volume } = series;
  const lines = new Array<string>(n + 2);
  lines[0] = GENERIC_CSV_HEADER;
  for (let i = 0; i < n; i++) {
    lines[i + 1] = `${formatTimestamp(timestamps[i]!, style)},${open[i]},${high[i]},${low[i]},${close[i]},${volume[i]}`;
  }
  lines[n + 1] = '';
  return lines.join('\n');
}

/** Writes `formatBarsCsv(series)` to `path` (UTF-8, overwriting). */
export async function writeBarsCsv(path: string, series: BarSeries): Promise<void> {
  await writeFile(path, formatBarsCsv(series), 'utf8');
}

/** Earliest / latest timestamps the ISO formatter can write: 0000-01-01 and 9999-12-31T23:59:59.999Z. */
const MIN_WRITABLE_MS = -62_167_219_200_000;
const MAX_WRITABLE_MS = 253_402_300_799_999;

function checkWritableTimestamps(timestamps: Float64Array): void {
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i]!;
    if (!Number.isInteger(t) || t < MIN_WRITABLE_MS || t > MAX_WRITABLE_MS) {
      throw new TradegymError('E_BAD_ARGUMENT',
        `bar ${i}: timestamp ${t} cannot be written as an ISO time; expected whole epoch milliseconds in years 0000–9999. ` +
          'Round the timestamps to milliseconds before writing', { value: String(t) });
    }
  }
}
