import type { TradingEnv } from '../../envs/trading-env.js';
import type { TradingInfo } from '../../envs/trading-info.js';

/** Picks an action from the current observation (reused buffer: copy to keep) and info. */
export type TradingDecision = (observation: Float32Array, info: Readonly<TradingInfo>) => number;

/**
 * Runs one evaluation episode of `env` (reset without a seed: evaluation mode starts at the
 * range's first observable bar) and returns the simple per-step returns of equity,
 * equity_{t+1}/equity_t − 1, net of all costs — the input of the Sharpe ratio.
 */
export function tradingEpisodeReturns(env: TradingEnv, decide: TradingDecision): Float64Array {
  const returns: number[] = [];
  let { observation, info } = env.reset();
  let equity = info.equity;
  for (;;) {
    const result = env.step(decide(observation, info));
    returns.push(result.info.equity / equity - 1);
    equity = result.info.equity;
    observation = result.observation;
    info = result.info;
    if (result.terminated || result.truncated) return Float64Array.from(returns);
  }
}
