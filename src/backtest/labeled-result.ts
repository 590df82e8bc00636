import type { BacktestResult } from './backtest-result.js';

/** A backtest result under the label it is shown with (tables, charts, CSV columns). */
export interface LabeledResult {
  readonly label: string;
  readonly result: BacktestResult;
  /** Trainable parameter count of a policy strategy (the transfer experiment reports it). */
  readonly trainableParams?: number;
  /** Training wall time in seconds of a policy strategy, when it was trained by this run. */
  readonly trainSeconds?: number;
  /** Size of the policy's weights file (adapter-only for adapters; quantized exports smaller), bytes. */
  readonly weightBytes?: number;
  /**
   * Forgetting of a model fine-tuned from the transfer base: mean Sharpe of the base on its source
   * markets minus this model's (positive = it lost source-market performance); null when not a
   * fine-tune of the base.
   */
  readonly forgetting?: number | null;
}
