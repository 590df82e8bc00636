import { describe, expect, it } from 'vitest';
import { ActionLog } from '../../src/ppo/action-log.js';

describe('ActionLog', () => {
  it('appends rollouts in order, grows past its initial capacity and snapshots a copy', () => {
    const log = new ActionLog(Uint8Array.from([1, 2]));
    const chunk = Int32Array.from({ length: 1500 }, (_, i) => i % 5);
    log.append(chunk);
    log.append(Int32Array.from([4, 0]));
    expect(log.length).toBe(1504);
    const snap = log.snapshot();
    expect(Array.from(snap.subarray(0, 4))).toEqual([1, 2, 0, 1]);
    expect(Array.from(snap.subarray(1500))).toEqual([3, 4, 4, 0]);
    snap[0] = 9;
    expect(log.snapshot()[0]).toBe(1);
  });

  it('refuses actions that do not fit a byte', () => {
    expect(() => new ActionLog().append(Int32Array.from([256]))).toThrow(/0…255; got 256/);
    expect(() => new ActionLog().append(Int32Array.from([-1]))).toThrow(RangeError);
  });
});
