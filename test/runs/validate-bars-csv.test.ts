import { describe, expect, it } from 'vitest';
import { parseBarsCsv } from '../../src/data/csv-parser.js';
import { validateBarsCsvText } from '../../src/runs/validate-bars-csv.js';

const HEADER = 'timestamp,open,high,low,close,volume';

describe('validateBarsCsvText', () => {
  it('finds nothing in a file the loader accepts, counting the same bars', () => {
    const text = `\ufeff${HEADER}\r\n2020-01-01,10,11,9,10.5,100\r\n2020-01-02,10.5,12,10,11,90\r\n\r\n\r\n`;
    const report = validateBarsCsvText(text, 'ok.csv');
    expect(report.problems).toEqual([]);
    expect(report.validRows).toBe(parseBarsCsv(text, 'ok.csv').timestamps.length);
  });

  it('reports every bad row (its first problem) and keeps checking order against the last good row', () => {
    const text = [HEADER, '2020-01-01,10,11,9,10.5,100', '2020-01-02,10,11,9,x,100', '2020-01-02,10,11,9,10,100', '2020-01-02,10,11,9,10,100', '2020-01-01,10,11,9,10,100', '2020-01-03,1,1,1,1,1'].join('\n');
    const report = validateBarsCsvText(text, 'f.csv');
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([[3, 'E_CSV_BAD_VALUE'], [5, 'E_CSV_DUPLICATE_TIMESTAMP'], [6, 'E_CSV_UNSORTED']]);
    expect(report.validRows).toBe(3);
  });

  it('reports each blank line followed by data, with the line numbers of later rows still right', () => {
    const text = [HEADER, '2020-01-01,10,11,9,10.5,100', '', '', '2020-01-02,10,11,9,10.5,-1', ''].join('\n');
    const report = validateBarsCsvText(text, 'f.csv');
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([[3, 'E_CSV_MALFORMED_ROW'], [4, 'E_CSV_MALFORMED_ROW'], [5, 'E_CSV_NEGATIVE_VOLUME']]);
  });

  it('stops at a bad header (line 1) and reports an empty file or one without rows', () => {
    expect(validateBarsCsvText('time,open,close\n2020-01-01,1,1\n', 'h.csv').problems.map((p) => [p.line, p.code, p.column]))
      .toEqual([[1, 'E_CSV_MISSING_COLUMN', 'high']]);
    expect(validateBarsCsvText('  \n', 'e.csv').problems.map((p) => p.code)).toEqual(['E_CSV_EMPTY']);
    expect(validateBarsCsvText(`${HEADER}\n`, 'n.csv').problems.map((p) => p.code)).toEqual(['E_CSV_NO_ROWS']);
  });

  it('names file, line and column in every message', () => {
    const report = validateBarsCsvText(`${HEADER}\n2020-01-01,10,11,9,-2,100\n`, 'data/x.csv');
    expect(report.problems[0]!.message).toMatch(/^data\/x\.csv line 2, column "close": -2 is not a positive price/);
  });
});
