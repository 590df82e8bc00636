/**
 * Explained variance of value predictions, 1 − Var(returns − values) / Var(returns)
 * (population variances, as stable-baselines3's `explained_variance`): 1 is perfect,
 * 0 is no better than a constant, negative is worse. `null` when Var(returns) = 0
 * (SB3 returns NaN there; we never return NaN).
 */
export function explainedVariance(values: ArrayLike<number>, returns: ArrayLike<number>): number | null {
  const n = returns.length;
  if (n === 0 || values.length !== n) return null;
  let meanY = 0;
  let meanD = 0;
  for (let i = 0; i < n; i++) {
    meanY += returns[i]!;
    meanD += returns[i]! - values[i]!;
  }
  meanY /= n;
  meanD /= n;
  let varY = 0;
  let varD = 0;
  for (let i = 0; i < n; i++) {
    const y = returns[i]! - meanY;
    const d = returns[i]! - values[i]! - meanD;
    varY += y * y;
    varD += d * d;
  }
  if (varY === 0) return null;
  return 1 - varD / varY;
}
