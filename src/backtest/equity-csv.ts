import { csvField } from './csv-field.js';
import { formatTimestamp } from './format-number.js';
import type { LabeledResult } from './labeled-result.js';

/**
 * equity.csv of a comparison: one row per bar of the range with its UTC time and close, then
 * for each strategy `equity:<label>` (account value at the close) and `position:<label>` (target
 * exposure held during the bar; empty on the first bar, which starts flat). A strategy that went
 * bankrupt has empty cells after its last bar. Full float precision.
 */
export function equityCsv(results: readonly LabeledResult[]): string {
  const longest = results.reduce((a, b) => (b.result.equity.length > a.result.equity.length ? b : a), results[0]!).result;
  const header = ['timestamp', 'close', ...results.flatMap(({ label }) => [`equity:${label}`, `position:${label}`])];
  const lines = [header.map(csvField).join(',')];
  for (let k = 0; k < longest.equity.length; k++) {
    const cells: (string | number)[] = [formatTimestamp(longest.timestamps[k]!), longest.close[k]!];
    for (const { result } of results) {
      cells.push(k < result.equity.length ? result.equity[k]! : '');
      cells.push(k >= 1 && k - 1 < result.positions.length ? result.positions[k - 1]! : '');
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
