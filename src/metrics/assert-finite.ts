import { TradegymError } from '../core/errors.js';

/**
 * Throws `E_BAD_ARGUMENT` naming the first non-finite entry of `values`, so metrics never turn
 * a NaN or ±∞ input into a NaN result. @param name what the series is, for the message.
 */
export function assertFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new TradegymError('E_BAD_ARGUMENT', `${name}[${i}] is ${v}; every entry must be a finite number.`, {
        column: name,
        value: String(v),
      });
    }
  }
}
