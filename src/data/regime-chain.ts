import type { Rng } from '../core/rng.js';

/** The market regimes of the synthetic generator, in matrix order. */
export const REGIME_NAMES = ['bull', 'bear', 'sideways'] as const;

/** A market regime of the synthetic generator. */
export type RegimeName = (typeof REGIME_NAMES)[number];

/** How a regime scales the base drift and the base (GARCH) volatility. */
export interface RegimeParams {
  /** Multiplies `driftPerBar` (negative for a falling market). */
  driftMultiplier: number;
  /** Multiplies the conditional volatility (> 0). */
  volMultiplier: number;
}

/** A three-state Markov chain over bull / bear / sideways regimes. */
export interface RegimeChainOptions {
  bull: RegimeParams;
  bear: RegimeParams;
  sideways: RegimeParams;
  /**
   * Row-stochastic 3×3 matrix in `REGIME_NAMES` order: `transition[i][j]` is the probability
   * that a bar in regime i is followed by a bar in regime j. Expected stay in i: 1/(1 − p_ii) bars.
   */
  transition: readonly (readonly number[])[];
  /** Regime of the first bar. */
  initial: RegimeName;
}

/**
 * Defaults: bull (drift ×1.5, vol ×0.8, ~67 bars), bear (drift ×−2, vol ×1.6, ~20 bars),
 * sideways (drift ×0, vol ×0.9, ~40 bars); starts sideways.
 */
export const DEFAULT_REGIMES: RegimeChainOptions = {
  bull: { driftMultiplier: 1.5, volMultiplier: 0.8 },
  bear: { driftMultiplier: -2, volMultiplier: 1.6 },
  sideways: { driftMultiplier: 0, volMultiplier: 0.9 },
  transition: [
    [0.985, 0.005, 0.01],
    [0.03, 0.95, 0.02],
    [0.015, 0.01, 0.975],
  ],
  initial: 'sideways',
};

/** Problems with a regime configuration, as sentences (empty when valid). */
export function regimeChainProblems(options: RegimeChainOptions): string[] {
  const problems: string[] = [];
  for (const name of REGIME_NAMES) {
    const params = options[name];
    if (!Number.isFinite(params.driftMultiplier)) problems.push(`regimes.${name}.driftMultiplier must be finite`);
    if (!(params.volMultiplier > 0) || !Number.isFinite(params.volMultiplier)) problems.push(`regimes.${name}.volMultiplier must be > 0`);
  }
  const rows = options.transition;
  if (rows.length !== 3 || rows.some((row) => row.length !== 3)) {
    problems.push('regimes.transition must be a 3×3 matrix in bull, bear, sideways order');
  } else {
    rows.forEach((row, i) => {
      const sum = row.reduce((a, b) => a + b, 0);
      if (row.some((p) => !(p >= 0)) || Math.abs(sum - 1) > 1e-9) {
        problems.push(`regimes.transition row ${i} (${REGIME_NAMES[i]}) must be non-negative and sum to 1, got [${row.join(', ')}]`);
      }
    });
  }
  if (!REGIME_NAMES.includes(options.initial)) problems.push(`regimes.initial must be one of ${REGIME_NAMES.join(', ')}`);
  return problems;
}

/** Regime index (into `REGIME_NAMES`) of each of `bars` bars: a Markov chain from `options.initial`. */
export function sampleRegimePath(rng: Rng, bars: number, options: RegimeChainOptions): Uint8Array {
  const flat = Float64Array.from(options.transition.flat());
  const path = new Uint8Array(bars);
  let state = REGIME_NAMES.indexOf(options.initial);
  for (let t = 0; t < bars; t++) {
    if (t > 0) state = rng.categorical(flat, state * 3, 3);
    path[t] = state;
  }
  return path;
}
