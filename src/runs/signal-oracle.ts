import type { TradingInfo } from '../../envs/trading-info.js';
import type { BarSeries } from '../data/bar-series.js';
import type { TradingDecision } from './trading-episode-returns.js';

/** What the oracle knows about the planted signal. */
export interface OracleKnowledge {
  /** AR(1) coefficient φ of the drift-adjusted log returns (+ momentum, − mean reversion). */
  phi: number;
  /** Base log drift per bar μ of the generator. */
  driftPerBar: number;
}

/**
 * The AR(1) oracle: knowing φ and μ, at bar t's close it expects the next bar's log return to
 * be E[r_{t+1} | r_t] = μ + φ·(r_t − μ), r_t = log(close_t / close_{t−1}), and takes a full
 * long (expected > 0) or full short position — the sign strategy that a planted AR(1) signal
 * pays for. It trades through the same TradingEnv as the agent, so it is filled at the next
 * open with the same commission and slippage. `levels` are the env's action levels; the
 * oracle picks the largest and the smallest.
 */
export function ar1OracleDecision(series: BarSeries, knowledge: OracleKnowledge, levels: ArrayLike<number>): TradingDecision {
  let longAction = 0;
  let shortAction = 0;
  for (let i = 1; i < levels.length; i++) {
    if (levels[i]! > levels[longAction]!) longAction = i;
    if (levels[i]! < levels[shortAction]!) shortAction = i;
  }
  const { phi, driftPerBar } = knowledge;
  return (_observation: Float32Array, info: Readonly<TradingInfo>) => {
    const t = info.barIndex;
    const lastReturn = Math.log(series.close[t]! / series.close[t - 1]!);
    const expected = driftPerBar + phi * (lastReturn - driftPerBar);
    return expected > 0 ? longAction : shortAction;
  };
}
