import { TradegymError } from '../core/errors.js';
import { DEFAULT_GARCH, garchProblems, type GarchParams } from './garch.js';
import { DEFAULT_REGIMES, regimeChainProblems, type RegimeChainOptions } from './regime-chain.js';

/**
 * A learnable signal planted in the returns: the drift-adjusted log return x_t = r_t − μ_t
 * follows AR(1), x_t = φ·x_{t−1} + ε_t, with φ = +strength ('momentum') or −strength
 * ('mean-reversion'); ε is scaled by √(1 − φ²) so the unconditional volatility is unchanged.
 * Lag-1 autocorrelation of returns ≈ φ.
 */
export interface PlantedSignal {
  kind: 'momentum' | 'mean-reversion';
  /** |φ|, in [0, 1). */
  strength: number;
}

/** Volume model: volume_t = round(base · (1 + returnSensitivity·|r_t|/volatilityPerBar) · LogNormal(−s²/2, s²)), s = noiseSigma. */
export interface VolumeModel {
  base: number;
  returnSensitivity: number;
  noiseSigma: number;
}

/** Options of `generateSyntheticMarket`. Omitted fields take the defaults listed per field. */
export interface SyntheticMarketOptions {
  /** 'regime-garch' (default): regimes + GARCH(1,1) + Student-t (+ optional signal). 'random-walk': i.i.d. Gaussian log returns. */
  kind?: 'regime-garch' | 'random-walk';
  /** Number of bars (integer ≥ 1). */
  bars: number;
  /** Default 'SYNTH'. */
  symbol?: string;
  /** First bar's open time, epoch ms; default 2000-01-03T00:00Z (a Monday). */
  startTimestampMs?: number;
  /** Fixed bar spacing in ms; omitted ⇒ business days (Mon–Fri 00:00 UTC). */
  intervalMs?: number;
  /** Default 100. */
  startPrice?: number;
  /** Base log drift per bar μ; default 0.0002 (≈ 5 %/yr at 252 bars). Regimes multiply it. */
  driftPerBar?: number;
  /** Unconditional volatility of log returns per bar σ̄; default 0.0126 (≈ 20 %/yr at 252 bars). */
  volatilityPerBar?: number;
  /** Regime chain (regime-garch only); default `DEFAULT_REGIMES`. */
  regimes?: RegimeChainOptions;
  /** GARCH(1,1) α, β (regime-garch only); ω is set so the unconditional volatility is σ̄. Default `DEFAULT_GARCH`. */
  garch?: GarchParams;
  /** Student-t degrees of freedom ν > 2 of the standardised shocks (regime-garch only); default 5. */
  degreesOfFreedom?: number;
  /** Planted AR(1) signal (regime-garch only); default none. */
  signal?: PlantedSignal;
  /** Sub-steps of the intrabar Brownian bridge that sets high/low; default 16. */
  intrabarSteps?: number;
  /** Std of the open gap log(open_t / close_{t−1}) as a fraction of the bar's volatility; default 0.2. */
  gapFraction?: number;
  /** Default { base: 1e6, returnSensitivity: 2, noiseSigma: 0.25 }. */
  volume?: VolumeModel;
  /** Round O/H/L/C to this many decimals (order-preserving, never below one tick); default: no rounding. */
  priceDecimals?: number;
}

/** Options with every default filled in. */
export type ResolvedSyntheticOptions = Required<Omit<SyntheticMarketOptions, 'signal' | 'intervalMs' | 'priceDecimals'>> &
  Pick<SyntheticMarketOptions, 'signal' | 'intervalMs' | 'priceDecimals'>;

const REGIME_GARCH_ONLY = ['regimes', 'garch', 'degreesOfFreedom', 'signal'] as const;

/**
 * Fills defaults and checks every option; throws one E_BAD_ARGUMENT listing all problems.
 */
export function resolveSyntheticOptions(options: SyntheticMarketOptions): ResolvedSyntheticOptions {
  const resolved: ResolvedSyntheticOptions = {
    kind: 'regime-garch',
    symbol: 'SYNTH',
    startTimestampMs: Date.UTC(2000, 0, 3),
    startPrice: 100,
    driftPerBar: 0.0002,
    volatilityPerBar: 0.0126,
    regimes: DEFAULT_REGIMES,
    garch: DEFAULT_GARCH,
    degreesOfFreedom: 5,
    intrabarSteps: 16,
    gapFraction: 0.2,
    volume: { base: 1e6, returnSensitivity: 2, noiseSigma: 0.25 },
    ...withoutUndefined(options),
    bars: options.bars,
  };
  const problems = optionProblems(resolved, options);
  if (problems.length > 0) {
    throw new TradegymError('E_BAD_ARGUMENT', `synthetic market options: ${problems.join('; ')}. Fix these options`);
  }
  return resolved;
}

function optionProblems(o: ResolvedSyntheticOptions, given: SyntheticMarketOptions): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, text: string) => ok || problems.push(text);
  check(Number.isInteger(o.bars) && o.bars >= 1, `bars must be an integer ≥ 1, got ${o.bars}`);
  check(Number.isFinite(o.startTimestampMs), 'startTimestampMs must be finite');
  check(o.intervalMs === undefined || (Number.isInteger(o.intervalMs) && o.intervalMs > 0), 'intervalMs must be a positive integer');
  check(o.startPrice > 0 && Number.isFinite(o.startPrice), 'startPrice must be > 0');
  check(Number.isFinite(o.driftPerBar), 'driftPerBar must be finite');
  check(o.volatilityPerBar >= 0 && Number.isFinite(o.volatilityPerBar), 'volatilityPerBar must be ≥ 0');
  check(Number.isInteger(o.intrabarSteps) && o.intrabarSteps >= 1, 'intrabarSteps must be an integer ≥ 1');
  check(o.gapFraction >= 0 && o.gapFraction < 1, 'gapFraction must be in [0, 1)');
  check(o.volume.base >= 0 && o.volume.returnSensitivity >= 0 && o.volume.noiseSigma >= 0, 'volume.base, returnSensitivity and noiseSigma must be ≥ 0');
  check(o.priceDecimals === undefined || (Number.isInteger(o.priceDecimals) && o.priceDecimals >= 0 && o.priceDecimals <= 12), 'priceDecimals must be an integer in 0..12');
  if (o.kind === 'random-walk') {
    for (const key of REGIME_GARCH_ONLY) check(given[key] === undefined, `${key} does not apply to kind 'random-walk' (a pure i.i.d. Gaussian walk)`);
    return problems;
  }
  check(o.kind === 'regime-garch', `kind must be 'regime-garch' or 'random-walk', got '${o.kind}'`);
  check(o.degreesOfFreedom > 2, `degreesOfFreedom must be > 2 (finite variance), got ${o.degreesOfFreedom}`);
  const strength = o.signal?.strength ?? 0;
  check(strength >= 0 && strength < 1, `signal.strength must be in [0, 1), got ${strength}`);
  check(o.signal === undefined || o.signal.kind === 'momentum' || o.signal.kind === 'mean-reversion', "signal.kind must be 'momentum' or 'mean-reversion'");
  return problems.concat(regimeChainProblems(o.regimes), garchProblems(o.garch));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
