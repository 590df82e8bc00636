import type { Rng } from '../core/rng.js';
import { garchNextVariance, garchOmega } from './garch.js';
import { REGIME_NAMES, sampleRegimePath } from './regime-chain.js';
import { sampleStandardizedStudentT } from './student-t.js';
import type { PlantedSignal, ResolvedSyntheticOptions } from './synthetic-market-options.js';

/** Close-to-close log returns of a synthetic market with the volatility each bar was drawn with. */
export interface SyntheticReturns {
  /** r_t = log(close_t / close_{t−1}); for t = 0 relative to the start price. */
  logReturns: Float64Array;
  /** Diffusion volatility of bar t (regime multiplier × GARCH σ_t, or σ for the random walk). */
  barVolatility: Float64Array;
  /** Regime index per bar (into REGIME_NAMES); undefined for the random walk. */
  regimePath: Uint8Array | undefined;
}

/** AR(1) coefficient φ of a planted signal: +strength (momentum), −strength (mean reversion), 0 without. */
export function signalCoefficient(signal: PlantedSignal | undefined): number {
  if (signal === undefined) return 0;
  return signal.kind === 'momentum' ? signal.strength : -signal.strength;
}

/**
 * Regime-switching GARCH(1,1)-t returns. Per bar t with regime s_t (Markov chain),
 * GARCH variance σ²_t and unit-variance Student-t shock z_t:
 *   x_t = φ·x_{t−1} + √(1 − φ²)·m_{s_t}·σ_t·z_t,   r_t = d_{s_t}·μ + x_t,
 *   σ²_{t+1} = ω + α·(σ_t z_t)² + β·σ²_t,   ω = σ̄²(1 − α − β),   σ²_0 = σ̄²,
 * with μ = driftPerBar, σ̄ = volatilityPerBar, d and m the regime's drift and vol multipliers,
 * φ from the planted signal. Streams: rng.fork('regimes'), rng.fork('shocks').
 */
export function sampleRegimeGarchReturns(o: ResolvedSyntheticOptions, rng: Rng): SyntheticReturns {
  const n = o.bars;
  const regimePath = sampleRegimePath(rng.fork('regimes'), n, o.regimes);
  const shocks = rng.fork('shocks');
  const regimes = REGIME_NAMES.map((name) => o.regimes[name]);
  const phi = signalCoefficient(o.signal);
  const innovationScale = Math.sqrt(1 - phi * phi);
  const unconditionalVariance = o.volatilityPerBar * o.volatilityPerBar;
  const omega = garchOmega(unconditionalVariance, o.garch);
  const logReturns = new Float64Array(n);
  const barVolatility = new Float64Array(n);
  let variance = unconditionalVariance;
  let x = 0;
  for (let t = 0; t < n; t++) {
    const regime = regimes[regimePath[t]!]!;
    const sigma = Math.sqrt(variance);
    const z = sampleStandardizedStudentT(shocks, o.degreesOfFreedom);
    barVolatility[t] = regime.volMultiplier * sigma;
    x = phi * x + innovationScale * barVolatility[t]! * z;
    logReturns[t] = regime.driftMultiplier * o.driftPerBar + x;
    variance = garchNextVariance(omega, o.garch, variance, sigma * z);
  }
  return { logReturns, barVolatility, regimePath };
}

/** Pure random walk: r_t = μ + σ̄·z_t with z_t i.i.d. N(0, 1) from rng.fork('shocks'); no regimes, GARCH or signal. */
export function sampleRandomWalkReturns(o: ResolvedSyntheticOptions, rng: Rng): SyntheticReturns {
  const shocks = rng.fork('shocks');
  const logReturns = new Float64Array(o.bars);
  for (let t = 0; t < o.bars; t++) logReturns[t] = o.driftPerBar + o.volatilityPerBar * shocks.normal();
  return { logReturns, barVolatility: new Float64Array(o.bars).fill(o.volatilityPerBar), regimePath: undefined };
}
