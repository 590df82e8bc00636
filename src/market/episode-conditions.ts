import { TradegymError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { MAX_COST_BPS } from './cost-model.js';

/** A closed interval [low, high]. */
export type Interval = readonly [number, number];

/**
 * Per-episode trading conditions to draw from — the ranges of domain randomisation (robustness
 * augmentation) and the settings of a curriculum stage. Omitted fields keep the env's base value.
 */
export interface EpisodeConditionRanges {
  /** Commission, bps, drawn uniformly per episode. */
  commissionBps?: Interval;
  /** Slippage, bps, drawn uniformly per episode. */
  slippageBps?: Interval;
  /** Multiplier of the bars' log-return deviations (volatility), drawn log-uniformly per episode. */
  volatilityScale?: Interval;
  /**
   * Episodes may start only where the realized volatility of their window lies between these
   * quantiles of all windows, e.g. [0, 0.5] = the calmer half (a difficulty axis for curricula).
   */
  regimeQuantiles?: Interval;
  /** Steps per episode (e.g. short episodes first). */
  episodeLength?: number;
}

/** One episode's drawn conditions. */
export interface EpisodeConditions {
  commissionBps: number;
  slippageBps: number;
  volatilityScale: number;
  regimeQuantiles: Interval;
  episodeLength: number;
}

/** The env's conditions without randomisation. */
export interface BaseConditions {
  commissionBps: number;
  slippageBps: number;
  episodeLength: number;
}

/**
 * Validates condition ranges from a spec, CLI flag or curriculum stage; throws `E_BAD_CONFIG`
 * naming `where` and the field. Costs must lie in [0, 500] bps, scales be > 0, quantiles in [0, 1].
 */
export function checkEpisodeConditionRanges(ranges: EpisodeConditionRanges, where: string): EpisodeConditionRanges {
  const interval = (field: keyof EpisodeConditionRanges, min: number, max: number, positive = false) => {
    const v = ranges[field];
    if (v === undefined) return;
    const ok = Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && x >= min && x <= max && (!positive || x > 0)) && v[0]! <= v[1]!;
    if (!ok) bad(where, field, v, `[low, high] with ${min}${positive ? ' <' : ' ≤'} low ≤ high ≤ ${max}`);
  };
  interval('commissionBps', 0, MAX_COST_BPS);
  interval('slippageBps', 0, MAX_COST_BPS);
  interval('volatilityScale', 0, 100, true);
  interval('regimeQuantiles', 0, 1);
  const length = ranges.episodeLength;
  if (length !== undefined && !(Number.isInteger(length) && length >= 2)) bad(where, 'episodeLength', length, 'an integer ≥ 2');
  return ranges;
}

/**
 * Draws one episode's conditions (Tobin et al. 2017, "Domain randomization", arXiv:1703.06907;
 * for trading costs and volatility: train under a spread of frictions and regimes so the policy
 * does not overfit the one it saw): costs uniform in their intervals, the volatility scale
 * log-uniform (so 0.5× and 2× are equally likely around 1×). Draw order is fixed, so adding a
 * range never shifts the others' draws.
 */
export function sampleEpisodeConditions(ranges: EpisodeConditionRanges, base: BaseConditions, rng: Rng): EpisodeConditions {
  const uniform = (r: Interval | undefined, fallback: number) => {
    const u = rng.uniform();
    return r === undefined ? fallback : r[0] + (r[1] - r[0]) * u;
  };
  const commissionBps = uniform(ranges.commissionBps, base.commissionBps);
  const slippageBps = uniform(ranges.slippageBps, base.slippageBps);
  const v = ranges.volatilityScale;
  const u = rng.uniform();
  const volatilityScale = v === undefined ? 1 : Math.exp(Math.log(v[0]) + (Math.log(v[1]) - Math.log(v[0])) * u);
  return { commissionBps, slippageBps, volatilityScale, regimeQuantiles: ranges.regimeQuantiles ?? [0, 1], episodeLength: ranges.episodeLength ?? base.episodeLength };
}

function bad(where: string, field: string, value: unknown, expected: string): never {
  throw new TradegymError('E_BAD_CONFIG', `${where}: ${field} is ${JSON.stringify(value)}; expected ${expected}.`, { column: field, value: JSON.stringify(value) });
}
