/**
 * GARCH(1,1) conditional variance (Bollerslev 1986):
 * σ²_t = ω + α·ε²_{t−1} + β·σ²_{t−1}, with ε_{t−1} = σ_{t−1}·z_{t−1} the previous shock.
 * Stationary when α + β < 1, with unconditional variance ω / (1 − α − β).
 */
export interface GarchParams {
  /** Reaction to the last squared shock (≥ 0). */
  alpha: number;
  /** Persistence of the last variance (≥ 0); α + β < 1. */
  beta: number;
}

/** Defaults typical of daily equity returns: α = 0.08, β = 0.9 (persistence 0.98). */
export const DEFAULT_GARCH: GarchParams = { alpha: 0.08, beta: 0.9 };

/** ω that gives the requested unconditional variance: ω = σ̄² · (1 − α − β). */
export function garchOmega(unconditionalVariance: number, params: GarchParams): number {
  return unconditionalVariance * (1 - params.alpha - params.beta);
}

/** Next conditional variance σ²_t = ω + α·shock² + β·variance, from the previous variance and shock. */
export function garchNextVariance(omega: number, params: GarchParams, variance: number, shock: number): number {
  return omega + params.alpha * shock * shock + params.beta * variance;
}

/** Problems with GARCH parameters, as sentences (empty when valid). */
export function garchProblems(params: GarchParams): string[] {
  const ok = params.alpha >= 0 && params.beta >= 0 && params.alpha + params.beta < 1;
  return ok ? [] : [`garch needs alpha ≥ 0, beta ≥ 0 and alpha + beta < 1, got alpha ${params.alpha}, beta ${params.beta}`];
}
