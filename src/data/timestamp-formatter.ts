import { MS_PER_DAY, civilFromDays } from './civil-date.js';

/** Shape of the ISO text `formatTimestamp` writes. */
export type TimestampStyle = 'date' | 'seconds' | 'millis';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Epoch milliseconds (UTC) → ISO 8601 text: `YYYY-MM-DD` ('date', time of day dropped),
 * `YYYY-MM-DDTHH:MM:SSZ` ('seconds') or `YYYY-MM-DDTHH:MM:SS.mmmZ` ('millis').
 * Years must be 0–9999 and `ms` an integer; `parseTimestamp` reads the result back exactly.
 */
export function formatTimestamp(ms: number, style: TimestampStyle): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (style === 'date') return date;
  let rest = ms - days * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const clock = `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}`;
  return style === 'seconds' ? `${date}T${clock}Z` : `${date}T${clock}.${pad(rest - seconds * 1000, 3)}Z`;
}

/**
 * The most compact style that represents every timestamp exactly: 'date' when all fall on
 * 00:00:00.000 UTC, 'seconds' when all are whole seconds, else 'millis'.
 */
export function timestampStyleFor(timestamps: Float64Array): TimestampStyle {
  let style: TimestampStyle = 'date';
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i]!;
    if (t % 1000 !== 0) return 'millis';
    if (t % MS_PER_DAY !== 0) style = 'seconds';
  }
  return style;
}
