/** Exact powers of ten 10^0 … 10^22 (every one is representable as a double). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Plain decimals with at most this many digits take the exact fast path (10^15 < 2^53). */
const FAST_PATH_MAX_DIGITS = 15;

/**
 * Reads a numeric CSV cell with `Number` semantics (decimal or exponent notation, surrounding
 * whitespace ignored, correctly rounded, so `String(x)` round-trips exactly), except that an
 * empty or blank cell is NaN rather than 0. ±Infinity and NaN pass through for the caller to
 * classify (`isNonFiniteLiteral`).
 * Fast path (Clinger 1990): a plain `[+-]digits[.digits]` with ≤ 15 digits is an exact integer
 * mantissa divided by an exact power of ten — one correctly rounded division, hence the same
 * double as `Number(text)`. Anything else goes to `Number`.
 */
export function parseCsvNumber(text: string): number {
  const n = text.length;
  if (n > FAST_PATH_MAX_DIGITS + 2) return parseSlow(text); // cannot be sign + 15 digits + point
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (++digits > FAST_PATH_MAX_DIGITS) return parseSlow(text);
      mantissa = mantissa * 10 + d;
    } else if (c === 46 && scale < 0) {
      scale = digits;
    } else {
      return parseSlow(text);
    }
  }
  if (digits === 0) return parseSlow(text);
  const value = scale < 0 ? mantissa : mantissa / POW10[digits - scale]!;
  return negative ? -value : value;
}

function parseSlow(text: string): number {
  const value = Number(text);
  if (value === 0 && !hasDigit(text)) return NaN;
  return value;
}

/** True when a cell spells a non-finite number (NaN, ±Infinity, inf, or an overflowing literal such as 1e999). */
export function isNonFiniteLiteral(text: string): boolean {
  const value = Number(text);
  if (value === Infinity || value === -Infinity) return true;
  const word = text.trim().toLowerCase().replace(/^[+-]/, '');
  return word === 'nan' || word === 'inf' || word === 'infinity';
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
