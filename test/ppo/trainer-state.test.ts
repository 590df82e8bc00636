import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { decodeTrainerState, encodeTrainerState, type TrainerState } from '../../src/ppo/trainer-state.js';

const state: TrainerState = {
  optimizer: { step: 37, m: Float32Array.from([0.5, -1.25, 3e-8]), v: Float32Array.from([0.25, 1e-12, 9]) },
  numEnvs: 2,
  actions: Uint8Array.from([0, 4, 2, 2, 1, 3]),
};
const expected = { parameterCount: 3, numEnvs: 2, totalSteps: 6 };

describe('trainer state encoding', () => {
  it('round-trips Adam state and the action log exactly in 24 + 8n + actions bytes', () => {
    const bytes = encodeTrainerState(state);
    expect(bytes.byteLength).toBe(24 + 8 * 3 + 6);
    expect(decodeTrainerState(bytes, expected, 'x.bin')).toEqual(state);
  });

  it('accepts an empty action log (a run resumed from a checkpoint without one) for any step count', () => {
    const bytes = encodeTrainerState({ ...state, actions: new Uint8Array(0) });
    expect(decodeTrainerState(bytes, { ...expected, totalSteps: 1024 }, 'x.bin').actions).toHaveLength(0);
  });

  it('refuses a foreign file, a truncated one and any mismatch with the run, with E_CHECKPOINT naming the file', () => {
    const bytes = encodeTrainerState(state);
    const cases: [Uint8Array, typeof expected, RegExp][] = [
      [new TextEncoder().encode('{"not":"a trainer state"} padding'), expected, /bad header/],
      [bytes.subarray(0, bytes.byteLength - 1), expected, /has 53 bytes; expected 54 \(truncated\?\)/],
      [bytes, { ...expected, parameterCount: 4 }, /Adam moments for 3 parameters but the run trains 4/],
      [bytes, { ...expected, numEnvs: 3 }, /recorded with 2 envs but the run has 3/],
      [bytes, { ...expected, totalSteps: 8 }, /logs 6 actions but the checkpoint records 8 steps/],
    ];
    for (const [data, want, message] of cases) {
      let error: unknown;
      try {
        decodeTrainerState(data, want, 'ckpt/trainer-state.bin');
      } catch (e) {
        error = e;
      }
      expect(isTradegymError(error, 'E_CHECKPOINT')).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain('ckpt/trainer-state.bin');
    }
  });
});
