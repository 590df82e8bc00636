import { describe, expect, it } from 'vitest';
import { dataDifference, snapshotData } from '../../src/rl/data-equivalence.js';

describe('snapshotData', () => {
  it('copies typed arrays and nested objects so later mutation does not leak in', () => {
    const obs = Float32Array.from([1, 2]);
    const info = { fill: { price: 10 }, list: [1, 2] };
    const copy = snapshotData({ obs, info }) as { obs: Float32Array; info: typeof info };
    obs[0] = 99;
    info.fill.price = 11;
    info.list.push(3);
    expect(Array.from(copy.obs)).toEqual([1, 2]);
    expect(copy.obs).toBeInstanceOf(Float32Array);
    expect(copy.info).toEqual({ fill: { price: 10 }, list: [1, 2] });
  });
});

describe('dataDifference', () => {
  it('names the first differing element', () => {
    expect(dataDifference(Float32Array.from([1, 2, 3]), Float32Array.from([1, 2.5, 3]), 'observation')).toBe(
      'observation[1]: 2 vs 2.5',
    );
    expect(dataDifference({ a: { b: 1 } }, { a: { b: 2 } })).toBe('.a.b: 1 vs 2');
  });

  it('treats NaN as equal to NaN, and distinguishes array kinds and lengths', () => {
    expect(dataDifference([Number.NaN], [Number.NaN])).toBeUndefined();
    expect(dataDifference(Float32Array.from([1]), Float64Array.from([1]), 'x')).toBe('x: Float32Array vs Float64Array');
    expect(dataDifference([1, 2], [1], 'x')).toBe('x: length 2 vs 1');
    expect(dataDifference(true, 0, 'flag')).toBe('flag: true vs 0');
  });
});
