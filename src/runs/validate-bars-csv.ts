import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { isTradegymError, TradegymError, type ErrorCode } from '../core/errors.js';
import { csvError } from '../data/csv-error.js';
import { CsvRowReader } from '../data/csv-row-reader.js';
import type { EpochUnit } from '../data/timestamp-parser.js';

/** One problem found in a CSV file: stable code, 1-based line (header = 1), column and the full message. */
export interface CsvProblem {
  readonly code: ErrorCode;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly message: string;
}

/** What `validateBarsCsvText` found: the number of valid bars and every problem, in line order. */
export interface CsvValidationReport {
  readonly file: string;
  /** Data rows that passed every check. */
  readonly validRows: number;
  readonly problems: readonly CsvProblem[];
}

/** Reading options shared with the loader (`CsvLoadOptions`). */
export interface CsvValidationOptions {
  useAdjClose?: boolean;
  epochUnit?: EpochUnit;
  delimiter?: string;
}

/**
 * Checks an OHLCV CSV with exactly the loader's rules (`CsvRowReader`), but collects every
 * problem instead of stopping at the first: each bad row is reported (its first problem) and
 * skipped, and later rows are checked against the last good one (order, duplicates). Blank
 * lines followed by data are reported once each. A bad header stops the check (no column map).
 */
export function validateBarsCsvText(text: string, file: string, options: CsvValidationOptions = {}): CsvValidationReport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    const empty = csvError('E_CSV_EMPTY', { file }, 'the file is empty; expected a header line and at least one bar',
      'Point to a CSV with a header such as timestamp,open,high,low,close,volume followed by one row per bar');
    return { file, validRows: 0, problems: [problemOf(empty)] };
  }
  const scan = new ProblemCollector(file, options);
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? ',',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (results, parser) => {
      if (!scan.consume(results.data)) parser.abort();
    },
  });
  return scan.report();
}

/** `validateBarsCsvText` on a file. @throws TradegymError E_FILE_UNREADABLE when it cannot be read. */
export async function validateBarsCsvFile(path: string, options: CsvValidationOptions = {}): Promise<CsvValidationReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new TradegymError('E_FILE_UNREADABLE', `${path}: cannot read the file (${reason}); expected a readable CSV file. Check the path`,
      { file: path }, { cause: error });
  }
  return validateBarsCsvText(text, path, options);
}

/** Feeds rows to a `CsvRowReader`, turning each thrown TradegymError into a problem. */
class ProblemCollector {
  private readonly reader: CsvRowReader;
  private readonly problems: CsvProblem[] = [];
  private line = 0;
  private pendingBlankLines: number[] = [];
  private headerOk = false;

  constructor(private readonly file: string, options: CsvValidationOptions) {
    this.reader = new CsvRowReader({ file, useAdjClose: options.useAdjClose ?? false, epochUnit: options.epochUnit ?? 'auto', capacity: 1024 });
  }

  /** Returns false when checking cannot go on (bad header). */
  consume(row: string[]): boolean {
    this.line++;
    if (this.line > 1 && row.length === 1 && row[0]!.trim() === '') {
      this.pendingBlankLines.push(this.line);
      return true;
    }
    for (const blank of this.pendingBlankLines) {
      this.problems.push(problemOf(this.blankLineError(blank)));
      this.skipReaderLine();
    }
    this.pendingBlankLines = [];
    try {
      this.reader.consumeRow(row);
      if (this.line === 1) this.headerOk = true;
    } catch (error) {
      if (!isTradegymError(error)) throw error;
      this.problems.push(problemOf(error));
      // The reader counts lines itself; a rejected data row still advanced it. A rejected header did not leave a column map.
      if (this.line === 1) return false;
    }
    return true;
  }

  report(): CsvValidationReport {
    const validRows = this.reader.rowCount;
    if (this.headerOk && validRows === 0 && this.problems.length === 0) {
      this.problems.push(problemOf(csvError('E_CSV_NO_ROWS', { file: this.file }, 'the file has a header but no data rows; expected at least one bar',
        'Add the bars below the header line')));
    }
    return { file: this.file, validRows, problems: this.problems };
  }

  /**
   * Advances the reader's line counter past a blank line without arming its "blank line in the
   * middle" state: a zero-field row is rejected (wrong field count) before anything is stored.
   */
  private skipReaderLine(): void {
    try {
      this.reader.consumeRow([]);
    } catch (error) {
      if (!isTradegymError(error)) throw error;
    }
  }

  private blankLineError(line: number): TradegymError {
    return csvError('E_CSV_MALFORMED_ROW', { file: this.file, line, value: '' },
      'the line is empty but more rows follow; blank lines are allowed only at the end of the file', 'Remove the blank line');
  }
}

function problemOf(error: TradegymError): CsvProblem {
  return { code: error.code, line: error.location.line, column: error.location.column, message: error.message };
}
