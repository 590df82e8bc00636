import { readFile } from 'node:fs/promises';
import { TradegymError } from '../core/errors.js';
import type { BarSeries } from './bar-series.js';
import { parseBarsCsv, type CsvLoadOptions } from './csv-parser.js';

/**
 * Reads an OHLCV CSV file (UTF-8) into a validated BarSeries; see `parseBarsCsv` for formats,
 * options and validation. The path is used as given in messages and, by default, its base name
 * without extension becomes the symbol.
 * @throws TradegymError E_FILE_UNREADABLE when the file is missing or cannot be read, plus the parser's codes.
 */
export async function loadBarsCsv(path: string, options: CsvLoadOptions = {}): Promise<BarSeries> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new TradegymError('E_FILE_UNREADABLE',
      `${path}: cannot read the file (${reason}); expected a readable CSV file. Check the path and its permissions`,
      { file: path }, { cause: error });
  }
  return parseBarsCsv(text, path, options);
}
