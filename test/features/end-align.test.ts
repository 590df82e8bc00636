import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { endAlign, endAlignNumbers } from '../../src/features/end-align.js';

describe('endAlign', () => {
  it('puts output[k] at bar n − length + k and NaN before', () => {
    const column = endAlignNumbers([10, 11, 12], 5, 2, 'X');
    expect(Array.from(column)).toEqual([NaN, NaN, 10, 11, 12]);
  });

  it('maps undefined fields of object outputs to NaN at their bar', () => {
    const column = endAlign([{ d: undefined }, { d: 7 }], 4, 2, 'Stochastic', (v: { d?: number }) => v.d);
    expect(Array.from(column)).toEqual([NaN, NaN, NaN, 7]);
  });

  it('fails with E_INTERNAL when the library warm-up differs from the catalog', () => {
    let caught: unknown;
    try {
      endAlignNumbers([1, 2], 5, 2, 'RSI');
    } catch (e) {
      caught = e;
    }
    expect(isTradegymError(caught, 'E_INTERNAL')).toBe(true);
    expect((caught as Error).message).toMatch(/RSI returned 2 values for 5 bars \(first at bar 3\); expected the first value at bar 2/);
  });
});
