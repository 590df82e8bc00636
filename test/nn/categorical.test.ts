import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/nn/backend.js';
import { categoricalFromLogits, entropyOf, klDivergence, logProbOfActions } from '../../src/nn/categorical.js';

describe('categorical distribution helpers', () => {
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
  });

  it('computes log-softmax, the log-prob of chosen actions and the entropy by hand', () => {
    // Row 0: logits [0, ln 3] → probs [1/4, 3/4]; row 1: uniform over 2.
    const result = tf.tidy(() => {
      const dist = categoricalFromLogits(tf.tensor2d([0, Math.log(3), 5, 5], [2, 2]));
      return {
        logProbs: dist.logProbs.arraySync(),
        chosen: logProbOfActions(dist, tf.tensor1d([1, 0], 'int32')).arraySync(),
        entropy: entropyOf(dist).arraySync(),
      };
    });
    expect(result.logProbs[0]![0]).toBeCloseTo(Math.log(0.25), 6);
    expect(result.logProbs[0]![1]).toBeCloseTo(Math.log(0.75), 6);
    expect(result.chosen[0]).toBeCloseTo(Math.log(0.75), 6);
    expect(result.chosen[1]).toBeCloseTo(Math.log(0.5), 6);
    expect(result.entropy[0]).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 6);
    expect(result.entropy[1]).toBeCloseTo(Math.log(2), 6);
  });

  it('accepts float action indices and stays finite for extreme logits', () => {
    const result = tf.tidy(() => {
      const dist = categoricalFromLogits(tf.tensor2d([1000, -1000, 0], [1, 3]));
      return { chosen: logProbOfActions(dist, tf.tensor1d([1])).arraySync(), entropy: entropyOf(dist).arraySync() };
    });
    expect(result.chosen[0]).toBeCloseTo(-2000, 0);
    expect(result.entropy[0]).toBeCloseTo(0, 6);
  });

  it('gives KL(π‖π_ref) = Σ π (log π − log π_ref), zero against itself', () => {
    const [kl, self] = tf.tidy(() => {
      const dist = categoricalFromLogits(tf.tensor2d([0, Math.log(3)], [1, 2]));
      const ref = tf.log(tf.tensor2d([0.5, 0.5], [1, 2])) as tf.Tensor2D;
      return [klDivergence(dist, ref).dataSync()[0]!, klDivergence(dist, dist.logProbs).dataSync()[0]!];
    });
    expect(kl).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 6);
    expect(self).toBeCloseTo(0, 7);
  });
});
