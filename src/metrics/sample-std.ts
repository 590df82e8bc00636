/**
 * Sample standard deviation with Bessel's correction (numpy `std(ddof=1)`, pandas `.std()`):
 * √(Σ(x − x̄)² / (n − 1)), two-pass. Exactly 0 when every value is equal (so float rounding of
 * the mean cannot invent a tiny non-zero spread); undefined for fewer than 2 values.
 */
export function sampleStd(values: ArrayLike<number>): number | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  let sum = 0;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    if (values[i] !== values[0]) allEqual = false;
  }
  if (allEqual) return 0;
  const m = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}
