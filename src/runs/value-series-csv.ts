import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { TradegymError } from '../core/errors.js';
import { csvError, showCell } from '../data/csv-error.js';
import { normaliseHeader, TIME_COLUMN_ALIASES } from '../data/csv-columns.js';
import { TIMESTAMP_FORMATS_HELP, parseTimestamp } from '../data/timestamp-parser.js';

/** A dated series of numbers read from a CSV (`tradegym metrics`). */
export interface ValueSeries {
  readonly file: string;
  readonly dateColumn: string;
  readonly valueColumn: string;
  /** Epoch ms, strictly increasing. */
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
}

/**
 * Parses a CSV with a date column (`date`, `timestamp`, `time` or `datetime`, else the first
 * column) and one value column (`valueColumn`, or the only other column). Rows must be in
 * strictly increasing time order with finite values; blank lines at the end are ignored.
 * @throws TradegymError E_CSV_* naming the file, line and column.
 */
export function parseValueSeriesCsv(text: string, file: string, valueColumn?: string): ValueSeries {
  const rows = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { header: false, skipEmptyLines: 'greedy' }).data;
  if (rows.length === 0) throw csvError('E_CSV_EMPTY', { file }, 'the file is empty; expected a header such as date,equity and one row per period', 'Point to a non-empty CSV');
  const header = rows[0]!.map((c) => c.trim());
  const dateIndex = Math.max(0, header.findIndex((h) => TIME_COLUMN_ALIASES.includes(normaliseHeader(h))));
  const valueIndex = pickValueColumn(header, dateIndex, file, valueColumn);
  const n = rows.length - 1;
  if (n === 0) throw csvError('E_CSV_NO_ROWS', { file }, 'the file has a header but no rows', 'Add one row per period below the header');
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i + 1]!;
    const line = i + 2;
    if (row.length !== header.length) {
      throw csvError('E_CSV_MALFORMED_ROW', { file, line, value: row.join(',') }, `the row has ${row.length} fields but the header has ${header.length}`, 'Fix or remove the row');
    }
    timestamps[i] = parseTimestamp(row[dateIndex]!);
    if (!Number.isFinite(timestamps[i]!)) {
      throw csvError('E_CSV_BAD_TIMESTAMP', { file, line, column: header[dateIndex]!, value: row[dateIndex]! }, `${showCell(row[dateIndex]!)} is not a valid time; expected ${TIMESTAMP_FORMATS_HELP}`, 'Fix the cell');
    }
    if (i > 0 && !(timestamps[i]! > timestamps[i - 1]!)) {
      throw csvError('E_CSV_UNSORTED', { file, line, column: header[dateIndex]!, value: row[dateIndex]! }, `${showCell(row[dateIndex]!)} is not after the previous row's time; rows must be in strictly increasing time order`, 'Sort the file by date and remove duplicates');
    }
    values[i] = row[valueIndex]!.trim() === '' ? NaN : Number(row[valueIndex]);
    if (!Number.isFinite(values[i]!)) {
      throw csvError('E_CSV_BAD_VALUE', { file, line, column: header[valueIndex]!, value: row[valueIndex]! }, `${showCell(row[valueIndex]!)} is not a finite number`, 'Fix the cell or remove the row');
    }
  }
  return { file, dateColumn: header[dateIndex]!, valueColumn: header[valueIndex]!, timestamps, values };
}

/** `parseValueSeriesCsv` on a file. @throws TradegymError E_FILE_UNREADABLE when it cannot be read. */
export async function readValueSeriesCsv(file: string, valueColumn?: string): Promise<ValueSeries> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new TradegymError('E_FILE_UNREADABLE', `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path`, { file }, { cause: error });
  }
  return parseValueSeriesCsv(text, file, valueColumn);
}

function pickValueColumn(header: string[], dateIndex: number, file: string, wanted: string | undefined): number {
  const others = header.map((h, i) => ({ h, i })).filter(({ i }) => i !== dateIndex);
  if (wanted !== undefined) {
    const found = others.find(({ h }) => h === wanted);
    if (found) return found.i;
    throw csvError('E_CSV_MISSING_COLUMN', { file, line: 1, column: wanted }, `there is no value column "${wanted}"; the header has ${header.map((h) => `"${h}"`).join(', ')}`, 'Name one of the columns');
  }
  if (others.length === 1) return others[0]!.i;
  throw csvError('E_CSV_BAD_HEADER', { file, line: 1, value: header.join(',') },
    `expected a date column plus exactly one value column, but the header has ${header.map((h) => `"${h}"`).join(', ')}`,
    'Keep only the date and the value column, or choose one with --column <name>');
}
