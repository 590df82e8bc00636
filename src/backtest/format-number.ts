/** Text shown for a metric the data cannot define (`undefined` in the metrics). */
export const MISSING = '—';

/** Fraction as a percentage with 2 decimals: 0.1234 → "12.34%". */
export function formatPercent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? MISSING : `${(value * 100).toFixed(2)}%`;
}

/** Ratio with 2 decimals: 1.2345 → "1.23". */
export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? MISSING : value.toFixed(2);
}

/** Money with thousands separators and 2 decimals: 123456.7 → "123,456.70". */
export function formatMoney(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return MISSING;
  const [whole, cents] = Math.abs(value).toFixed(2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}.${cents}`;
}

/** Integer with thousands separators: 12345 → "12,345". */
export function formatCount(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? MISSING : String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** UTC date of an epoch-ms timestamp, with the time when it is not midnight: "2020-01-31" / "2020-01-31 14:30". */
export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
