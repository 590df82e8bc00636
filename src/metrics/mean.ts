/** Arithmetic mean Σx / n; undefined for an empty series. */
export function mean(values: ArrayLike<number>): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}
