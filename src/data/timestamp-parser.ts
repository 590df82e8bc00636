import { MS_PER_DAY, daysFromCivil, daysInMonth } from './civil-date.js';

/**
 * How plain numbers in a time column are read. `'auto'` applies the magnitude rule
 * (see `EPOCH_MS_THRESHOLD`); `'s'` and `'ms'` force epoch seconds or milliseconds.
 */
export type EpochUnit = 'auto' | 's' | 'ms';

/**
 * The magnitude rule for plain-number timestamps under `epochUnit: 'auto'`: |v| < 1e11 is
 * epoch **seconds** (1e11 s is the year 5138), |v| ≥ 1e11 is epoch **milliseconds**
 * (1e11 ms is 1973-03-03T09:46:40Z). Millisecond data from before March 1973 needs `epochUnit: 'ms'`.
 */
export const EPOCH_MS_THRESHOLD = 1e11;

/** One-line description of the accepted formats, for error messages. */
export const TIMESTAMP_FORMATS_HELP =
  'epoch seconds or milliseconds, YYYY-MM-DD, an ISO datetime such as 2017-01-02T15:30:00Z ' +
  '(T or space; optional seconds, fraction and Z/±HH:MM offset; no offset means UTC), or DD.MM.YYYY HH:MM:SS.mmm';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/**
 * Parses one time cell to Unix epoch milliseconds (UTC); returns NaN when the text is not
 * one of the accepted formats or names an impossible date/time (e.g. 2021-02-30, 24:00).
 * Accepted: plain numbers (epoch, see `EpochUnit`), `YYYY-MM-DD`, ISO datetimes
 * `YYYY-MM-DD[T| ]HH:MM[:SS[.fff…]][Z|±HH[:MM]|±HHMM]` (no offset ⇒ UTC; digits beyond
 * milliseconds are truncated), and `DD.MM.YYYY[ HH:MM[:SS[.mmm]]]` (UTC). Surrounding whitespace is ignored.
 * Under `'auto'`, an 8-digit integer (e.g. 20170102) is rejected because it reads like a
 * compact YYYYMMDD date rather than a 1970–1973 epoch second.
 * Hand-written, allocation-free for the common formats: roughly 10× faster than `Date.parse`.
 */
export function parseTimestamp(text: string, epochUnit: EpochUnit = 'auto'): number {
  let s = text;
  if (s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32)) s = s.trim();
  if (s.length >= 10 && s.charCodeAt(4) === 45 /* - */ && s.charCodeAt(7) === 45) return parseIso(s);
  if (s.length >= 10 && s.charCodeAt(2) === 46 /* . */ && s.charCodeAt(5) === 46) return parseDotted(s);
  return parseEpoch(s, epochUnit);
}

function parseEpoch(s: string, epochUnit: EpochUnit): number {
  if (s.length === 0) return NaN;
  const first = s.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && first !== 45 && first !== 43 && first !== 46) return NaN;
  const value = Number(s);
  if (!Number.isFinite(value)) return NaN;
  if (epochUnit === 's') return value * 1000;
  if (epochUnit === 'ms') return value;
  if (s.length === 8 && Number.isInteger(value) && value >= 1e7) return NaN;
  return Math.abs(value) < EPOCH_MS_THRESHOLD ? value * 1000 : value;
}

/** Two decimal digits at `i`, or -1. Caller guarantees `i + 1 < s.length`. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Four decimal digits at `i`, or -1. Caller guarantees `i + 3 < s.length`. */
function fourDigits(s: string, i: number): number {
  const hi = twoDigits(s, i);
  const lo = twoDigits(s, i + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

/** One-entry memo of `dayStartMs`: intraday files repeat the same date on consecutive rows. */
let memoYear = -1;
let memoMonth = -1;
let memoDay = -1;
let memoMs = NaN;

function dayStartMs(year: number, month: number, day: number): number {
  if (day === memoDay && month === memoMonth && year === memoYear) return memoMs;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  memoYear = year;
  memoMonth = month;
  memoDay = day;
  memoMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  return memoMs;
}

function parseIso(s: string): number {
  const dayMs = dayStartMs(fourDigits(s, 0), twoDigits(s, 5), twoDigits(s, 8));
  if (s.length === 10) return dayMs;
  const sep = s.charCodeAt(10);
  if (sep !== 84 /* T */ && sep !== 116 /* t */ && sep !== 32 /* space */) return NaN;
  return dayMs + parseClock(s, 11, true);
}

function parseDotted(s: string): number {
  const dayMs = dayStartMs(fourDigits(s, 6), twoDigits(s, 3), twoDigits(s, 0));
  if (s.length === 10) return dayMs;
  if (s.charCodeAt(10) !== 32) return NaN;
  return dayMs + parseClock(s, 11, false);
}

/**
 * `HH:MM[:SS[.fff…]]` starting at `i`, optionally followed by a zone when `allowZone`;
 * returns milliseconds since the start of the (UTC) day, or NaN. The clock must end the text.
 */
function parseClock(s: string, i: number, allowZone: boolean): number {
  const n = s.length;
  if (i + 5 > n || s.charCodeAt(i + 2) !== 58 /* : */) return NaN;
  const hour = twoDigits(s, i);
  const minute = twoDigits(s, i + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let ms = hour * MS_PER_HOUR + minute * MS_PER_MINUTE;
  let pos = i + 5;
  if (pos < n && s.charCodeAt(pos) === 58) {
    const second = pos + 2 < n ? twoDigits(s, pos + 1) : -1;
    if (second < 0 || second > 59) return NaN;
    ms += second * 1000;
    pos += 3;
    if (pos < n && (s.charCodeAt(pos) === 46 || s.charCodeAt(pos) === 44) /* . or , */) {
      const end = fractionEnd(s, pos + 1);
      if (end === pos + 1) return NaN;
      ms += fractionMs(s, pos + 1, end);
      pos = end;
    }
  }
  if (pos === n) return ms;
  return allowZone ? ms - zoneOffsetMs(s, pos) : NaN;
}

function fractionEnd(s: string, start: number): number {
  let end = start;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if (c < 48 || c > 57) break;
    end++;
  }
  return end;
}

/** Milliseconds of a fraction-of-second digit run (first three digits; the rest truncated). */
function fractionMs(s: string, start: number, end: number): number {
  let ms = 0;
  for (let k = 0; k < 3; k++) ms = ms * 10 + (start + k < end ? s.charCodeAt(start + k) - 48 : 0);
  return ms;
}

/** Offset east of UTC in ms for `Z`, `±HH`, `±HH:MM` or `±HHMM` that ends the text; NaN otherwise. */
function zoneOffsetMs(s: string, pos: number): number {
  const n = s.length;
  const c = s.charCodeAt(pos);
  if (c === 90 /* Z */ || c === 122 /* z */) return pos + 1 === n ? 0 : NaN;
  if (c !== 43 && c !== 45) return NaN;
  const sign = c === 43 ? 1 : -1;
  const rest = n - pos - 1;
  if (rest !== 2 && rest !== 4 && rest !== 5) return NaN;
  const hours = twoDigits(s, pos + 1);
  let minutes = 0;
  if (rest === 4) minutes = twoDigits(s, pos + 3);
  else if (rest === 5) minutes = s.charCodeAt(pos + 3) === 58 ? twoDigits(s, pos + 4) : -1;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
  return sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE);
}
