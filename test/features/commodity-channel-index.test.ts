/** Directly computed for speed, so it must equal technicalindicators bit for bit. */
import { CCI } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { commodityChannelIndex } from '../../src/features/commodity-channel-index.js';
import { flatBars, gbmBars } from './gbm-bars.js';

const s = gbmBars(createRng(61), 500);
const hlc = { high: Array.from(s.high), low: Array.from(s.low), close: Array.from(s.close) };

describe('commodityChannelIndex', () => {
  it.each([20, 5])('is bitwise equal to technicalindicators CCI (period %i), end-aligned', (period) => {
    const lib = CCI.calculate({ ...hlc, period });
    const own = commodityChannelIndex(s.high, s.low, s.close, period);
    expect(500 - lib.length).toBe(period - 1);
    expect(own[period - 2]).toBeNaN();
    lib.forEach((v, j) => expect(own[period - 1 + j]).toBe(v));
  });

  it('is NaN (0/0) on a flat window', () => {
    const f = flatBars(30, 10, 0);
    expect(commodityChannelIndex(f.high, f.low, f.close, 20)[29]).toBeNaN();
  });
});
