import type { TradegymError } from '../core/errors.js';
import type { CsvColumnMap } from './csv-columns.js';
import { csvError, showCell } from './csv-error.js';

const OHLC_RULE = 'every row needs low ≤ min(open, close) ≤ max(open, close) ≤ high';

/**
 * Checks one parsed CSV bar (finite numbers already): every price > 0, volume ≥ 0, and
 * low ≤ min(open, close) ≤ max(open, close) ≤ high. Throws E_CSV_NON_POSITIVE_PRICE,
 * E_CSV_NEGATIVE_VOLUME or E_CSV_OHLC_INCONSISTENT naming file, line, column and value.
 * The happy path is a handful of comparisons (it runs once per row).
 */
export function checkBarRow(
  file: string,
  line: number,
  columns: CsvColumnMap,
  row: readonly string[],
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
): void {
  if (open > 0 && high > 0 && low > 0 && close > 0 && volume >= 0 && high >= open && high >= close && low <= open && low <= close) {
    return;
  }
  throw describeBadBar(file, line, columns, row, [open, high, low, close, volume]);
}

function describeBadBar(
  file: string,
  line: number,
  columns: CsvColumnMap,
  row: readonly string[],
  [open, high, low, close, volume]: readonly number[],
): TradegymError {
  const place = (index: number) => ({ file, line, column: columns.headerNames[index]!, value: row[index]! });
  const prices: ReadonlyArray<[number, number]> = [[columns.open, open!], [columns.high, high!], [columns.low, low!], [columns.close, close!]];
  for (const [index, value] of prices) {
    if (!(value > 0)) {
      return csvError('E_CSV_NON_POSITIVE_PRICE', place(index), `${showCell(row[index]!)} is not a positive price; every price must be > 0`,
        'Fix or remove the row');
    }
  }
  if (!(volume! >= 0)) {
    return csvError('E_CSV_NEGATIVE_VOLUME', place(columns.volume), `${showCell(row[columns.volume]!)} is negative; volume must be ≥ 0`,
      'Fix the value (use 0 when the volume is unknown) or remove the row');
  }
  const top = Math.max(open!, close!);
  if (high! < top) {
    return csvError('E_CSV_OHLC_INCONSISTENT', place(columns.high), `${showCell(row[columns.high]!)} is below max(open, close) = ${top}; ${OHLC_RULE}`,
      'Fix or remove the row');
  }
  const bottom = Math.min(open!, close!);
  return csvError('E_CSV_OHLC_INCONSISTENT', place(columns.low), `${showCell(row[columns.low]!)} is above min(open, close) = ${bottom}; ${OHLC_RULE}`,
    'Fix or remove the row');
}
