import type { BacktestResult } from './backtest-result.js';

/** A backtest result under the label it is shown with (tables, charts, CSV columns). */
export interface LabeledResult {
  readonly label: string;
  readonly result: BacktestResult;
  /** Trainable parameter count of a policy strategy (the transfer experiment reports it). */
  readonly trainableParams?: number;
  /** Training wall time in seconds of a policy strategy, when it was trained by this run. */
  readonly trainSeconds?: number;
}
