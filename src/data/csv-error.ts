import { TradegymError, type ErrorCode } from '../core/errors.js';

/** Where in a CSV file a problem is: file label, 1-based line (header = 1), column as written in the header, raw cell text. */
export interface CsvPlace {
  file: string;
  line?: number;
  column?: string;
  value?: string;
}

/**
 * Builds the TradegymError for a bad CSV input with one message shape everywhere:
 * `<file> line <n>, column "<col>": <problem>. <fix>.` — what is wrong, where, what was
 * expected (inside `problem`) and how to fix it. `location` carries the same fields for programs.
 */
export function csvError(code: ErrorCode, place: CsvPlace, problem: string, fix: string): TradegymError {
  let where = place.file;
  if (place.line !== undefined) where += ` line ${place.line}`;
  if (place.column !== undefined) where += `${place.line !== undefined ? ',' : ''} column "${place.column}"`;
  return new TradegymError(code, `${where}: ${problem}. ${fix}.`, {
    file: place.file,
    ...(place.line !== undefined && { line: place.line }),
    ...(place.column !== undefined && { column: place.column }),
    ...(place.value !== undefined && { value: place.value }),
  });
}

/** Shows a cell in a message: quoted when empty or padded, so `""` and `" 12"` are visible. */
export function showCell(text: string): string {
  return text.length === 0 || text.trim() !== text ? JSON.stringify(text) : text;
}
