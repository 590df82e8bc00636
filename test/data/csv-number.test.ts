import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { isNonFiniteLiteral, parseCsvNumber } from '../../src/data/csv-number.js';

describe('parseCsvNumber', () => {
  it('equals Number(text) bit for bit on 200k random decimals of every length', () => {
    const rng = createRng(5);
    const mismatches: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const intDigits = rng.int(8);
      const fracDigits = rng.int(12);
      let text = rng.uniform() < 0.1 ? '-' : '';
      for (let d = 0; d < intDigits; d++) text += String(rng.int(10));
      if (fracDigits > 0 || rng.uniform() < 0.2) text += '.';
      for (let d = 0; d < fracDigits; d++) text += String(rng.int(10));
      if (!/\d/.test(text)) continue;
      if (!Object.is(parseCsvNumber(text), Number(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips shortest formatting of random doubles (17-digit fallback path)', () => {
    const rng = createRng(6);
    for (let k = 0; k < 20_000; k++) {
      const x = Math.exp(rng.normal() * 10) * (rng.uniform() < 0.5 ? 1 : -1);
      expect(parseCsvNumber(String(x))).toBe(x);
    }
  });

  it.each([
    ['1e3', 1000], ['1.5E-2', 0.015], [' 42 ', 42], ['+7', 7], ['.5', 0.5], ['5.', 5], ['-0', -0], ['0', 0], ['007.50', 7.5],
  ])('reads %j as %s', (text, value) => {
    expect(Object.is(parseCsvNumber(text), value)).toBe(true);
  });

  it.each(['', '   ', 'abc', '1,5', '1.2.3', '-', '.', '12abc', '$5'])('reads %j as NaN', (text) => {
    expect(parseCsvNumber(text)).toBeNaN();
  });

  it('classifies non-finite spellings', () => {
    expect(['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e999'].every(isNonFiniteLiteral)).toBe(true);
    expect(['abc', '', '12'].some(isNonFiniteLiteral)).toBe(false);
  });
});
