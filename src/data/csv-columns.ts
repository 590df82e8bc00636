import { csvError } from './csv-error.js';

/**
 * Where each bar field sits in a CSV row (0-based field indices), resolved from the header.
 * `adjClose` and `volume` are -1 when the file has no such column.
 */
export interface CsvColumnMap {
  /** Number of header fields; every data row must have exactly this many. */
  readonly fieldCount: number;
  readonly timestamp: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly adjClose: number;
  readonly volume: number;
  /** Header cells as written in the file (trimmed), for error messages. */
  readonly headerNames: readonly string[];
}

/** Normalised header names (lower case, letters and digits only) that name the time column. */
export const TIME_COLUMN_ALIASES: readonly string[] = ['timestamp', 'time', 'date', 'datetime'];

const ROLE_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  timestamp: 'timestamp',
  adjclose: 'Adj Close',
};

const EXAMPLE_HEADER =
  'Expected a header such as timestamp,open,high,low,close,volume or Yahoo\'s Date,Open,High,Low,Close,Adj Close,Volume ' +
  '(case-insensitive, surrounding spaces ignored, extra columns ignored)';

/** Header cell → lookup key: trimmed, lower-cased, everything but letters and digits removed ("Adj Close" → "adjclose"). */
export function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Maps header cells to bar fields. Required: one time column (`timestamp`, `time`, `date`
 * or `datetime`), `open`, `high`, `low`, `close`; optional `adj close` and `volume`; any other
 * column is ignored. Throws E_CSV_MISSING_COLUMN (a required column, or `Adj Close` when
 * `requireAdjClose`) and E_CSV_BAD_HEADER (two columns with the same role), naming the file and line 1.
 */
export function resolveCsvColumns(header: readonly string[], file: string, requireAdjClose: boolean): CsvColumnMap {
  const headerNames = header.map((cell) => cell.trim());
  const roles = new Map<string, number>();
  headerNames.forEach((name, index) => {
    const key = normaliseHeader(name);
    const role = TIME_COLUMN_ALIASES.includes(key) ? 'timestamp' : key;
    const previous = roles.get(role);
    if (previous !== undefined && isBarRole(role)) {
      throw csvError('E_CSV_BAD_HEADER', { file, line: 1, column: name, value: name },
        `columns "${headerNames[previous]}" and "${name}" both give the ${role}`,
        'Keep exactly one of them (tradegym reads a single time column holding date and time together)');
    }
    if (previous === undefined) roles.set(role, index);
  });
  const find = (role: string, required: boolean): number => {
    const index = roles.get(role);
    if (index !== undefined) return index;
    if (!required) return -1;
    const display = ROLE_DISPLAY_NAMES[role] ?? role;
    throw csvError('E_CSV_MISSING_COLUMN', { file, line: 1, column: display, value: headerNames.join(',') },
      `missing column "${display}"; the header has ${headerNames.map((n) => `"${n}"`).join(', ')}`,
      `${EXAMPLE_HEADER}. Add or rename the column${role === 'adjclose' ? ', or load without useAdjClose' : ''}`);
  };
  return {
    fieldCount: header.length,
    timestamp: find('timestamp', true),
    open: find('open', true),
    high: find('high', true),
    low: find('low', true),
    close: find('close', true),
    adjClose: find('adjclose', requireAdjClose),
    volume: find('volume', false),
    headerNames,
  };
}

function isBarRole(role: string): boolean {
  return ['timestamp', 'open', 'high', 'low', 'close', 'adjclose', 'volume'].includes(role);
}
