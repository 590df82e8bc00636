/** Number formatting for the dashboard panels. */

/** 0.1234 → "+12.34%"; null → "—". */
export function percent(value, signed = true) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = `${(value * 100).toFixed(2)}%`;
  return signed && value > 0 ? `+${text}` : text;
}

/** Fixed decimals; null → "—". */
export function fixed(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

/** 123456.7 → "123,456.70". */
export function money(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Integer with thousands separators. */
export function count(value) {
  return Number.isFinite(value) ? value.toLocaleString('en-US') : '—';
}

/** Target exposure label: 1 → "+100%", -0.5 → "-50%", 0 → "flat". */
export function exposure(level) {
  if (level === 0) return 'flat';
  return `${level > 0 ? '+' : ''}${Math.round(level * 100)}%`;
}

/** Adds the class "positive" or "negative" by the sign of `value`. */
export function signClass(element, value) {
  element.classList.toggle('positive', Number.isFinite(value) && value > 0);
  element.classList.toggle('negative', Number.isFinite(value) && value < 0);
}
