import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { decodeOptimizerState, encodeOptimizerState } from '../../src/ppo/optimizer-state.js';

const state = { step: 37, m: Float32Array.from([0.5, -1.25, 3e-8]), v: Float32Array.from([0.25, 1e-12, 9]) };

describe('optimizer state encoding', () => {
  it('round-trips the step and both moment arrays exactly in 16 + 8n bytes', () => {
    const bytes = encodeOptimizerState(state);
    expect(bytes.byteLength).toBe(16 + 8 * 3);
    expect(decodeOptimizerState(bytes, 3, 'x.bin')).toEqual(state);
  });

  it('refuses a foreign file, a truncated one and a parameter-count mismatch with E_CHECKPOINT naming the file', () => {
    const bytes = encodeOptimizerState(state);
    const cases: [Uint8Array, number, RegExp][] = [
      [new TextEncoder().encode('{"not":"adam"} padding'), 3, /bad header/],
      [bytes.subarray(0, bytes.byteLength - 4), 3, /has 36 bytes; expected 40 \(truncated\?\)/],
      [bytes, 4, /holds 3 parameters but the run trains 4/],
    ];
    for (const [data, count, message] of cases) {
      try {
        decodeOptimizerState(data, count, 'ckpt/trainer-state.bin');
        expect.unreachable();
      } catch (e) {
        expect(isTradegymError(e, 'E_CHECKPOINT')).toBe(true);
        expect((e as Error).message).toMatch(message);
        expect((e as Error).message).toContain('ckpt/trainer-state.bin');
      }
    }
  });
});
