import type { BacktestOptions } from './backtest-options.js';
import type { BacktestResult } from './backtest-result.js';
import { BacktestSession } from './backtest-session.js';

/**
 * Runs a strategy over a bar range in one go: decide on bar t's close, fill at t+1's open
 * with slippage and commission through the shared `Portfolio`, mark at t+1's close.
 * Same seed and inputs ⇒ same result. See {@link BacktestSession} for step-by-step replay.
 */
export function runBacktest(options: BacktestOptions): BacktestResult {
  const session = new BacktestSession(options);
  session.run();
  return session.result();
}
