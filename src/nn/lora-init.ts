import type { Rng } from '../core/rng.js';

/**
 * Initial LoRA down-projection A, shape [inputSize, rank] row-major: Kaiming-uniform with
 * a = √5 as in the reference implementation (microsoft/LoRA, HF PEFT), i.e. U(−1/√in, 1/√in).
 * B starts at zero, so the adapted layer equals its base at step 0.
 */
export function loraDownInit(inputSize: number, rank: number, rng: Rng): Float32Array {
  const bound = 1 / Math.sqrt(inputSize);
  const values = new Float32Array(inputSize * rank);
  for (let i = 0; i < values.length; i++) values[i] = rng.uniformRange(-bound, bound);
  return values;
}
