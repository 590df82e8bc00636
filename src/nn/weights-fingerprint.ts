import { createHash } from 'node:crypto';
import type { NamedTensor } from './adapted-dense.js';

/**
 * Content fingerprint of a set of weights: SHA-256 (hex, first 16 chars) over each tensor's
 * name, shape and float32 bytes, in the given order. Identifies the base an adapter was
 * trained on; any changed weight changes it.
 */
export function weightsFingerprint(weights: readonly NamedTensor[]): string {
  const hash = createHash('sha256');
  hash.update('tradegym-weights-v1|');
  for (const { name, tensor } of weights) {
    const values = tensor.dataSync() as Float32Array;
    hash.update(`${name}|${tensor.shape.join('x')}|`);
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}
