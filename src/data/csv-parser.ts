import Papa from 'papaparse';
import type { BarSeries } from './bar-series.js';
import { csvError } from './csv-error.js';
import { CsvRowReader } from './csv-row-reader.js';
import type { EpochUnit } from './timestamp-parser.js';

/** Options for reading bars from CSV text or a file. */
export interface CsvLoadOptions {
  /** Instrument name; defaults to the file's base name without extension. */
  symbol?: string;
  /**
   * Use the `Adj Close` column: per row, open/high/low are multiplied by adjClose / close and
   * close becomes adjClose (high/low clamped by at most rounding error so the row stays consistent).
   * Error E_CSV_MISSING_COLUMN when the file has no Adj Close column. Default false (raw Close).
   */
  useAdjClose?: boolean;
  /** Fewer bars than this is E_DATA_TOO_SHORT; callers pass the feature warm-up + 1. Default 1. */
  minRows?: number;
  /** How plain-number timestamps are read; default 'auto' (magnitude rule, see EPOCH_MS_THRESHOLD). */
  epochUnit?: EpochUnit;
  /** Field delimiter; default ','. */
  delimiter?: string;
}

/**
 * Parses OHLCV CSV text into a validated BarSeries (pure: no file access).
 * Header rules, timestamp formats and validation are described in data/README.md.
 * papaparse runs without dynamic typing, row by row (`step`); its fast mode (split on newline and
 * delimiter) is chosen automatically when the text has no quotes. Cells are converted straight
 * into preallocated Float64Arrays by `parseCsvNumber` (exact, `Number`-identical) and the
 * hand-written `parseTimestamp`; rows are never dropped, repaired or reordered.
 * A leading BOM, CRLF line endings and trailing blank lines are accepted.
 * @param fileLabel names the source in error messages and gives the default symbol.
 * @throws TradegymError E_CSV_* for malformed input, E_DATA_TOO_SHORT below `minRows`.
 */
export function parseBarsCsv(text: string, fileLabel: string, options: CsvLoadOptions = {}): BarSeries {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw csvError('E_CSV_EMPTY', { file: fileLabel }, 'the file is empty; expected a header line and at least one bar',
      'Point to a CSV with a header such as timestamp,open,high,low,close,volume followed by one row per bar');
  }
  const reader = new CsvRowReader({
    file: fileLabel,
    useAdjClose: options.useAdjClose ?? false,
    epochUnit: options.epochUnit ?? 'auto',
    capacity: countDataLines(body),
  });
  // String input is parsed synchronously; `step` hands over one row at a time, so each row's
  // strings die young (chunk mode keeps a whole chunk of rows alive and was ~2× slower from GC).
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? ',',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (results: Papa.ParseStepResult<string[]>) => reader.consumeRow(results.data),
  });
  return finishSeries(reader, fileLabel, options);
}

function finishSeries(reader: CsvRowReader, fileLabel: string, options: CsvLoadOptions): BarSeries {
  const minRows = options.minRows ?? 1;
  if (reader.rowCount === 0) {
    throw csvError('E_CSV_NO_ROWS', { file: fileLabel }, 'the file has a header but no data rows; expected at least one bar',
      'Add the bars below the header line');
  }
  if (reader.rowCount < minRows) {
    throw csvError('E_DATA_TOO_SHORT', { file: fileLabel, value: String(reader.rowCount) },
      `the file has ${reader.rowCount} bars but at least ${minRows} are needed (the feature warm-up plus one observable bar)`,
      'Use a longer history or a configuration with shorter indicator windows');
  }
  return reader.finish(options.symbol ?? symbolFromPath(fileLabel));
}

/** Base name of a path without its extension: `data/sample/ES-daily.csv` → `ES-daily`. */
export function symbolFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Lines after the header (a final newline does not start a line): the exact row count of a clean file. */
function countDataLines(text: string): number {
  let lines = text.charCodeAt(text.length - 1) === 10 ? 0 : 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return Math.max(0, lines - 1);
}
