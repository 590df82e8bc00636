/** Underwater curve: equity[k] / max_{j ≤ k} equity[j] − 1, a fraction ≤ 0 (−0.2 = 20 % below the peak). */
export function drawdownSeries(equity: ArrayLike<number>): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let k = 0; k < equity.length; k++) {
    const e = equity[k]!;
    if (e > peak) peak = e;
    out[k] = peak > 0 ? e / peak - 1 : 0;
  }
  return out;
}
