import type { EquitySummary } from '../metrics/summarize-equity.js';
import type { TradeRecord } from './trade-record.js';

/** Costs paid over a backtest, account currency. */
export interface CostTotals {
  readonly commission: number;
  readonly slippage: number;
  readonly borrow: number;
}

/**
 * Everything one backtest produced. Arrays are indexed by k = bar − start:
 * `equity[k]` and `timestamps[k]` at bar start + k's close (equity[0] = initial cash);
 * `actions[k]` / `positions[k]` are the decision at bar start + k and the target exposure it
 * holds from bar start + k + 1's open to that bar's close (length = equity.length − 1).
 */
export interface BacktestResult {
  readonly strategyName: string;
  readonly symbol: string;
  /** First bar of the run (inclusive). */
  readonly start: number;
  /** One past the last bar simulated (earlier than requested after a bankruptcy). */
  readonly end: number;
  readonly initialCash: number;
  readonly actionLevels: readonly number[];
  readonly timestamps: Float64Array;
  /** Close prices of bars start … end − 1 (for reports). */
  readonly close: Float64Array;
  readonly equity: Float64Array;
  readonly actions: Int32Array;
  readonly positions: Float64Array;
  readonly trades: readonly TradeRecord[];
  /** `summarizeEquity` of the equity curve with the positions (DESIGN.md conventions). */
  readonly metrics: EquitySummary;
  readonly finalEquity: number;
  readonly costs: CostTotals;
  /** True when equity reached ≤ 0 and the run stopped there. */
  readonly bankrupt: boolean;
}
