/**
 * Proleptic Gregorian calendar arithmetic on whole UTC days, without `Date` objects
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil / civil_from_days).
 * Used by the timestamp parser, the CSV writer and the business-day calendar.
 */

/** Milliseconds in one UTC day (no leap seconds, as in Unix time). */
export const MS_PER_DAY = 86_400_000;

/** A calendar date: full year, month 1–12, day of month 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of the given UTC calendar date (negative before 1970). Inputs are not range-checked. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The UTC calendar date of a day count since 1970-01-01 (inverse of `daysFromCivil`). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Number of days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of the week of a day count since 1970-01-01: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayFromDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}
