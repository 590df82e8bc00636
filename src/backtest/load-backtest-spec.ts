import { readFile } from 'node:fs/promises';
import { TradegymError } from '../core/errors.js';
import type { BacktestSpec } from './backtest-spec.js';
import { validateBacktestSpec } from './validate-backtest-spec.js';

/**
 * Reads and validates a backtest spec file. An unreadable file is `E_FILE_UNREADABLE`;
 * malformed JSON is `E_BAD_CONFIG` with the 1-based line and column; schema and rule
 * problems as in `validateBacktestSpec`.
 */
export async function loadBacktestSpec(path: string): Promise<BacktestSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new TradegymError('E_FILE_UNREADABLE', `cannot read backtest spec ${path}: ${reason}; check the path`, { file: path }, { cause: e });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const { line, column } = jsonErrorPosition(text, e);
    const reason = e instanceof Error ? e.message : String(e);
    throw new TradegymError('E_BAD_CONFIG', `backtest spec ${path} is not valid JSON (line ${line}, column ${column}): ${reason}`, { file: path, line });
  }
  return validateBacktestSpec(value, path);
}

function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
