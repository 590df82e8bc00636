/**
 * Formats `[label, value]` rows as two aligned columns for the terminal:
 * labels left-aligned and padded, values as given. Rows with an undefined value are skipped.
 */
export function keyValueTable(rows: ReadonlyArray<readonly [string, string | undefined]>): string {
  const shown = rows.filter((r): r is readonly [string, string] => r[1] !== undefined);
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** A number for humans: fixed decimals, "—" when null/undefined/non-finite. */
export function fixed(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** A fraction as a percentage with 2 decimals ("12.34 %"), "—" when missing. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(2)} %`;
}
