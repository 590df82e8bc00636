import { InvalidArgumentError } from 'commander';

/**
 * Parsers for option values. Each throws commander's `InvalidArgumentError` with what was
 * expected, which commander turns into one line such as
 * `error: option '--seed <n>' argument 'x' is invalid. Expected an integer.`
 */

/** An integer in [min, max]. */
export function integerValue(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`Expected an integer${rangeText(min, max)}.`);
    }
    return value;
  };
}

/** A finite number in [min, max] (`exclusiveMin` / `exclusiveMax` make a bound strict). */
export function numberValue(min = -Infinity, max = Infinity, exclusiveMin = false, exclusiveMax = false): (text: string) => number {
  return (text) => {
    const value = Number(text.trim());
    const aboveMin = exclusiveMin ? value > min : value >= min;
    const belowMax = exclusiveMax ? value < max : value <= max;
    if (text.trim() === '' || !Number.isFinite(value) || !aboveMin || !belowMax) {
      const low = min === -Infinity ? '' : `${exclusiveMin ? '>' : '≥'} ${min}`;
      const high = max === Infinity ? '' : `${exclusiveMax ? '<' : '≤'} ${max}`;
      const bounds = [low, high].filter((s) => s !== '').join(' and ');
      throw new InvalidArgumentError(`Expected a number${bounds === '' ? '' : ` ${bounds}`}.`);
    }
    return value;
  };
}

/** A JSON object, e.g. `{"fast":10,"slow":30}`. */
export function jsonObjectValue(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(`Expected a JSON object such as '{"fast":10,"slow":30}' (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(`Expected a JSON object such as '{"fast":10,"slow":30}', got ${Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  return value as Record<string, unknown>;
}

/** A comma-separated list of positive integers, e.g. `64,64` (layer widths). */
export function widthsValue(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const widths = parts.map(Number);
  if (parts.length === 0 || widths.some((w, i) => parts[i] === '' || !Number.isSafeInteger(w) || w < 1)) {
    throw new InvalidArgumentError('Expected comma-separated positive integers such as 128,128.');
  }
  return widths;
}

/** Collects a repeatable option into an array (`--markets a.csv --markets b.csv`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function rangeText(min: number, max: number): string {
  const low = min > Number.MIN_SAFE_INTEGER ? `≥ ${min}` : '';
  const high = max < Number.MAX_SAFE_INTEGER ? `≤ ${max}` : '';
  const bounds = [low, high].filter((s) => s !== '').join(' and ');
  return bounds === '' ? '' : ` ${bounds}`;
}
