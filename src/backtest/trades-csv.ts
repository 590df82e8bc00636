import { csvField } from './csv-field.js';
import { formatTimestamp } from './format-number.js';
import type { LabeledResult } from './labeled-result.js';

const COLUMNS = [
  'strategy', 'bar_index', 'timestamp', 'side', 'quantity', 'open_price', 'fill_price', 'notional',
  'commission', 'slippage', 'position_before', 'position_after', 'equity_after',
] as const;

/**
 * trades.csv of a comparison: every fill of every strategy, in strategy order then time.
 * Quantities in shares; prices, notional, commission, slippage and equity in account currency;
 * positions as signed fractions of equity. Full float precision.
 */
export function tradesCsv(results: readonly LabeledResult[]): string {
  const lines = [COLUMNS.join(',')];
  for (const { label, result } of results) {
    for (const t of result.trades) {
      lines.push(
        [
          csvField(label), t.barIndex, formatTimestamp(t.timestamp), t.side, t.quantity, t.openPrice, t.price, t.notional,
          t.commission, t.slippage, t.positionBefore, t.positionAfter, t.equityAfter,
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
