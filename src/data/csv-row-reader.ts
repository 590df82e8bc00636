import type { TradegymError } from '../core/errors.js';
import type { BarSeries } from './bar-series.js';
import { BarColumnsBuilder } from './bar-columns-builder.js';
import { checkBarRow } from './bar-row-validator.js';
import { resolveCsvColumns, type CsvColumnMap } from './csv-columns.js';
import { csvError, showCell } from './csv-error.js';
import { isNonFiniteLiteral, parseCsvNumber } from './csv-number.js';
import { TIMESTAMP_FORMATS_HELP, parseTimestamp, type EpochUnit } from './timestamp-parser.js';
import { formatTimestamp } from './timestamp-formatter.js';

/** Settings of a `CsvRowReader`. */
export interface CsvRowReaderSettings {
  /** File label used in messages (the path as the user gave it). */
  file: string;
  /** Use the Adj Close column: O/H/L scaled by adjClose/close per row, close = adjClose. */
  useAdjClose: boolean;
  /** How plain-number timestamps are read. */
  epochUnit: EpochUnit;
  /** Expected number of data rows (an upper bound avoids regrowing the columns). */
  capacity: number;
}

/**
 * Turns parsed CSV rows (arrays of cell strings, header first) into validated bar columns.
 * Rows are fed in order, one at a time; line numbers are 1-based with the header on
 * line 1. Blank lines are allowed only at the end of the file; every other row must be a
 * complete, valid bar, otherwise a TradegymError names file, line, column and value.
 */
export class CsvRowReader {
  private readonly settings: CsvRowReaderSettings;
  private readonly builder: BarColumnsBuilder;
  private columns: CsvColumnMap | undefined;
  /** Line number of the last row consumed (0 before the header). */
  private line = 0;
  /** First blank line seen after the header (0 when none): an error if any data follows it. */
  private blankLine = 0;

  constructor(settings: CsvRowReaderSettings) {
    this.settings = settings;
    this.builder = new BarColumnsBuilder(settings.capacity);
  }

  /** Number of bars read so far. */
  get rowCount(): number {
    return this.builder.length;
  }

  /** Consumes the next row of the file (the very first row is the header). */
  consumeRow(row: readonly string[]): void {
    this.line++;
    if (this.columns === undefined) {
      this.columns = resolveCsvColumns(row, this.settings.file, this.settings.useAdjClose);
    } else if (row.length === 1 && row[0]!.trim() === '') {
      if (this.blankLine === 0) this.blankLine = this.line;
    } else {
      if (this.blankLine !== 0) throw this.blankLineError();
      this.readRow(row, this.columns);
    }
  }

  /** The bars read, as a BarSeries named `symbol`. */
  finish(symbol: string): BarSeries {
    return this.builder.finish(symbol);
  }

  private readRow(row: readonly string[], columns: CsvColumnMap): void {
    if (row.length !== columns.fieldCount) throw this.fieldCountError(row, columns);
    const timestamp = this.readTimestamp(row[columns.timestamp]!, columns);
    let open = this.readNumber(row, columns.open, columns);
    let high = this.readNumber(row, columns.high, columns);
    let low = this.readNumber(row, columns.low, columns);
    let close = this.readNumber(row, columns.close, columns);
    const volume = columns.volume < 0 ? 0 : this.readNumber(row, columns.volume, columns);
    checkBarRow(this.settings.file, this.line, columns, row, open, high, low, close, volume);
    if (this.settings.useAdjClose) {
      const adjClose = this.readAdjClose(row, columns);
      const factor = adjClose / close;
      open *= factor;
      close = adjClose;
      // Clamp 1-ulp rounding so the scaled row stays consistent (scaling by factor > 0 preserves order).
      high = Math.max(high * factor, open, close);
      low = Math.min(low * factor, open, close);
    }
    this.builder.push(timestamp, open, high, low, close, volume);
  }

  private readNumber(row: readonly string[], index: number, columns: CsvColumnMap): number {
    const text = row[index]!;
    const value = parseCsvNumber(text);
    if (value - value === 0) return value;
    const place = { file: this.settings.file, line: this.line, column: columns.headerNames[index]!, value: text };
    if (isNonFiniteLiteral(text)) {
      throw csvError('E_CSV_NON_FINITE', place, `${showCell(text)} is not a finite number; expected a finite decimal number`,
        'Replace it with the real value or remove the row');
    }
    throw csvError('E_CSV_BAD_VALUE', place, `${showCell(text)} is not a number; expected a decimal number such as 101.25`,
      'Fix the cell (no thousands separators or currency signs; "." as decimal point) or remove the row');
  }

  private readAdjClose(row: readonly string[], columns: CsvColumnMap): number {
    const adjClose = this.readNumber(row, columns.adjClose, columns);
    if (adjClose > 0) return adjClose;
    throw csvError('E_CSV_NON_POSITIVE_PRICE',
      { file: this.settings.file, line: this.line, column: columns.headerNames[columns.adjClose]!, value: row[columns.adjClose]! },
      `${showCell(row[columns.adjClose]!)} is not a positive price; useAdjClose needs every Adj Close > 0`, 'Fix or remove the row');
  }

  private readTimestamp(text: string, columns: CsvColumnMap): number {
    const timestamp = parseTimestamp(text, this.settings.epochUnit);
    const previous = this.builder.lastTimestamp();
    if (timestamp > previous) return timestamp;
    const place = { file: this.settings.file, line: this.line, column: columns.headerNames[columns.timestamp]!, value: text };
    if (Number.isNaN(timestamp)) {
      throw csvError('E_CSV_BAD_TIMESTAMP', place, `${showCell(text)} is not a valid time; expected ${TIMESTAMP_FORMATS_HELP}`,
        'Fix the cell or convert the column to one of these formats');
    }
    const previousLine = this.line - 1;
    if (timestamp === previous) {
      throw csvError('E_CSV_DUPLICATE_TIMESTAMP', place, `${showCell(text)} repeats the time of line ${previousLine} (${isoTime(previous)}); every bar needs its own time`,
        'Remove the duplicate row (tradegym never drops rows silently)');
    }
    throw csvError('E_CSV_UNSORTED', place,
      `${showCell(text)} (${isoTime(timestamp)}) is earlier than line ${previousLine} (${isoTime(previous)}); rows must be in strictly increasing time order`,
      'Sort the file by time, oldest first');
  }

  private fieldCountError(row: readonly string[], columns: CsvColumnMap): TradegymError {
    return csvError('E_CSV_MALFORMED_ROW', { file: this.settings.file, line: this.line, value: row.join(',') },
      `the row has ${row.length} fields but the header has ${columns.fieldCount}`,
      'Make every row have one value per header column (check for stray commas or a decimal comma), or remove the row');
  }

  private blankLineError(): TradegymError {
    return csvError('E_CSV_MALFORMED_ROW', { file: this.settings.file, line: this.blankLine, value: '' },
      'the line is empty but more rows follow; blank lines are allowed only at the end of the file',
      'Remove the blank line');
  }
}

/** Epoch ms as ISO text for messages. */
function isoTime(ms: number): string {
  return formatTimestamp(ms, 'millis');
}
