import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError, type ErrorCode, type TradegymError } from '../../src/core/errors.js';
import { loadBarsCsv } from '../../src/data/csv-loader.js';
import { parseBarsCsv, type CsvLoadOptions } from '../../src/data/csv-parser.js';

const FILE = 'data/x.csv';
const HEADER = 'timestamp,open,high,low,close,volume';
const GOOD_ROWS = ['2020-01-01,10,11,9,10.5,100', '2020-01-02,10.5,11.5,10,11,120', '2020-01-03,11,11.2,10.1,10.2,90'];

/** CSV text: header, the good rows with row `index` (0-based data row) replaced by `row`. */
function withRow(index: number, row: string, header = HEADER): string {
  const rows = [...GOOD_ROWS];
  rows[index] = row;
  return `${header}\n${rows.join('\n')}\n`;
}

function parseError(text: string, options?: CsvLoadOptions): TradegymError {
  try {
    parseBarsCsv(text, FILE, options);
  } catch (error) {
    if (isTradegymError(error)) return error;
    throw error;
  }
  throw new Error('expected parseBarsCsv to throw');
}

/** Asserts the code, that the message names file, line, column and value, and the structured location. */
function expectCellError(error: TradegymError, code: ErrorCode, line: number, column: string, value: string): void {
  expect(error.code).toBe(code);
  expect(error.message).toContain(`${FILE} line ${line}`);
  expect(error.message).toContain(`column "${column}"`);
  expect(error.message).toContain(value);
  expect(error.location).toMatchObject({ file: FILE, line, column });
}

describe('CSV validation', () => {
  it('the unmodified fixture is valid', () => {
    expect(parseBarsCsv(withRow(1, GOOD_ROWS[1]!), FILE).close.length).toBe(3);
  });

  it('missing column: names the column, the header found and line 1', () => {
    const error = parseError(withRow(0, GOOD_ROWS[0]!, 'timestamp,open,low,close,volume'));
    expectCellError(error, 'E_CSV_MISSING_COLUMN', 1, 'high', '"timestamp", "open", "low", "close", "volume"');
  });

  it('missing time column', () => {
    expectCellError(parseError('open,high,low,close\n1,2,0.5,1\n'), 'E_CSV_MISSING_COLUMN', 1, 'timestamp', '"open"');
  });

  it('useAdjClose without an Adj Close column is a missing column', () => {
    const error = parseError(withRow(0, GOOD_ROWS[0]!), { useAdjClose: true });
    expectCellError(error, 'E_CSV_MISSING_COLUMN', 1, 'Adj Close', 'useAdjClose');
  });

  it('two time columns are an ambiguous header', () => {
    const error = parseError('Date,Time,Open,High,Low,Close\n2020-01-01,10:00,1,2,0.5,1\n');
    expectCellError(error, 'E_CSV_BAD_HEADER', 1, 'Time', 'Time');
  });

  it('non-numeric cell', () => {
    expectCellError(parseError(withRow(1, '2020-01-02,10.5,abc,10,11,120')), 'E_CSV_BAD_VALUE', 3, 'high', 'abc');
  });

  it('empty cell is non-numeric, not zero', () => {
    expectCellError(parseError(withRow(2, '2020-01-03,11,11.2,10.1,10.2,')), 'E_CSV_BAD_VALUE', 4, 'volume', '""');
  });

  it.each(['NaN', 'Infinity', '-Infinity', '1e999'])('non-finite value %s', (value) => {
    expectCellError(parseError(withRow(0, `2020-01-01,10,11,9,${value},100`)), 'E_CSV_NON_FINITE', 2, 'close', value);
  });

  it.each(['0', '-10'])('price %s ≤ 0', (value) => {
    expectCellError(parseError(withRow(1, `2020-01-02,${value},11.5,${value},11,120`)), 'E_CSV_NON_POSITIVE_PRICE', 3, 'open', value);
  });

  it('high below max(open, close)', () => {
    const error = parseError(withRow(2, '2020-01-03,11,10.15,10.1,10.2,90'));
    expectCellError(error, 'E_CSV_OHLC_INCONSISTENT', 4, 'high', '10.15');
    expect(error.message).toContain('is below max(open, close) = 11');
    expect(error.message).toContain('Fix or remove the row');
  });

  it('low above min(open, close)', () => {
    const error = parseError(withRow(0, '2020-01-01,10,11,10.2,10.5,100'));
    expectCellError(error, 'E_CSV_OHLC_INCONSISTENT', 2, 'low', '10.2');
    expect(error.message).toContain('is above min(open, close) = 10');
  });

  it('negative volume', () => {
    expectCellError(parseError(withRow(1, '2020-01-02,10.5,11.5,10,11,-5')), 'E_CSV_NEGATIVE_VOLUME', 3, 'volume', '-5');
  });

  it('unreadable timestamp lists the accepted formats', () => {
    const error = parseError(withRow(1, '2020-13-02,10.5,11.5,10,11,120'));
    expectCellError(error, 'E_CSV_BAD_TIMESTAMP', 3, 'timestamp', '2020-13-02');
    expect(error.message).toContain('DD.MM.YYYY HH:MM:SS.mmm');
  });

  it('unsorted timestamps name both lines; nothing is reordered', () => {
    const error = parseError(withRow(2, '2019-12-31,11,11.2,10.1,10.2,90'));
    expectCellError(error, 'E_CSV_UNSORTED', 4, 'timestamp', '2019-12-31');
    expect(error.message).toContain('line 3');
  });

  it('duplicate timestamps name both lines; nothing is dropped', () => {
    const error = parseError(withRow(1, '2020-01-01,10.5,11.5,10,11,120'));
    expectCellError(error, 'E_CSV_DUPLICATE_TIMESTAMP', 3, 'timestamp', '2020-01-01');
    expect(error.message).toContain('line 2');
  });

  it('a row with the wrong number of fields', () => {
    const error = parseError(withRow(1, '2020-01-02,10.5,11.5,10,11'));
    expect(error.code).toBe('E_CSV_MALFORMED_ROW');
    expect(error.message).toContain(`${FILE} line 3`);
    expect(error.message).toContain('5 fields but the header has 6');
  });

  it('a blank line followed by more rows', () => {
    const error = parseError(`${HEADER}\n${GOOD_ROWS[0]}\n\n${GOOD_ROWS[1]}\n`);
    expect(error.code).toBe('E_CSV_MALFORMED_ROW');
    expect(error.message).toContain(`${FILE} line 3`);
  });

  it.each(['', '\n\n', '  \r\n', '\ufeff'])('empty file %j', (text) => {
    const error = parseError(text);
    expect(error.code).toBe('E_CSV_EMPTY');
    expect(error.message).toContain(FILE);
  });

  it.each([`${HEADER}`, `${HEADER}\n`, `${HEADER}\r\n\r\n`])('header-only file %j', (text) => {
    const error = parseError(text);
    expect(error.code).toBe('E_CSV_NO_ROWS');
    expect(error.message).toContain(FILE);
  });

  it('fewer rows than minRows (warm-up + 1) is E_DATA_TOO_SHORT', () => {
    const error = parseError(withRow(0, GOOD_ROWS[0]!), { minRows: 4 });
    expect(error.code).toBe('E_DATA_TOO_SHORT');
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('has 3 bars but at least 4');
    expect(parseBarsCsv(withRow(0, GOOD_ROWS[0]!), FILE, { minRows: 3 }).close.length).toBe(3);
  });

  it('a non-positive Adj Close with useAdjClose', () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-01,10,11,9,10.5,0,100\n';
    expectCellError(parseError(text, { useAdjClose: true }), 'E_CSV_NON_POSITIVE_PRICE', 2, 'Adj Close', '0');
  });
});

describe('loadBarsCsv unreadable paths', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tradegym-bad-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing file is E_FILE_UNREADABLE naming the path', async () => {
    const path = join(dir, 'missing.csv');
    await expect(loadBarsCsv(path)).rejects.toMatchObject({ code: 'E_FILE_UNREADABLE', location: { file: path } });
    await expect(loadBarsCsv(path)).rejects.toThrow(`${path}: cannot read the file (ENOENT)`);
  });

  it('a directory is E_FILE_UNREADABLE', async () => {
    await expect(loadBarsCsv(dir)).rejects.toMatchObject({ code: 'E_FILE_UNREADABLE' });
  });
});
