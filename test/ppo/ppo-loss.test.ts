import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/nn/backend.js';
import { ppoLoss, type PpoLossInputs, type PpoLossOptions } from '../../src/ppo/ppo-loss.js';

const options: PpoLossOptions = { clipRange: 0.2, clipRangeVf: null, vfCoef: 0.5, entCoef: 0.01, klCoef: 0, normalizeAdvantages: false };

/** Two samples with ratios ρ = [1.5, 0.5] and advantages [1, −2]. */
function inputs(logProb = tf.tensor1d([Math.log(1.5), Math.log(0.5)])): PpoLossInputs {
  return {
    logProb,
    entropy: tf.tensor1d([0.5, 0.7]),
    value: tf.tensor1d([1, 2]),
    oldLogProbs: tf.tensor1d([0, 0]),
    oldValues: tf.tensor1d([0.5, 1.5]),
    advantages: tf.tensor1d([1, -2]),
    returns: tf.tensor1d([0, 4]),
    // π = [[0.5, 0.5], [0.9, 0.1]] against π_ref = [[0.25, 0.75], [0.9, 0.1]]
    allLogProbs: tf.log(tf.tensor2d([[0.5, 0.5], [0.9, 0.1]])) as tf.Tensor2D,
    referenceLogProbs: tf.log(tf.tensor2d([[0.25, 0.75], [0.9, 0.1]])) as tf.Tensor2D,
  };
}

function scalars(opts: PpoLossOptions): Record<string, number> {
  return tf.tidy(() => {
    const terms = ppoLoss(inputs(), opts);
    return Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, v.dataSync()[0]!]));
  });
}

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

afterAll(() => tf.disposeVariables());

describe('ppoLoss', () => {
  it('matches a hand-computed clipped surrogate, value loss, entropy, approx KL and clip fraction', () => {
    const t = scalars(options);
    // ρA = [1.5, −1], clip(ρ, 0.8, 1.2)·A = [1.2, −1.6], min = [1.2, −1.6] → policy loss −(−0.4/2) = 0.2
    expect(t.policyLoss).toBeCloseTo(0.2, 5);
    // (V − R)² = [1, 4] → 2.5
    expect(t.valueLoss).toBeCloseTo(2.5, 5);
    expect(t.entropy).toBeCloseTo(0.6, 5);
    // mean((ρ − 1) − log ρ) = ((0.5 − 0.405465) + (−0.5 + 0.693147)) / 2 = 0.143841
    expect(t.approxKl).toBeCloseTo(0.143841, 5);
    // |ρ − 1| = 0.5 > 0.2 for both
    expect(t.clipFraction).toBe(1);
    // 0.2 + 0.5·2.5 − 0.01·0.6 = 1.444
    expect(t.loss).toBeCloseTo(1.444, 5);
    const noReference = tf.tidy(() => ppoLoss({ ...inputs(), referenceLogProbs: undefined }, options).referenceKl.dataSync()[0]);
    expect(noReference).toBe(0);
    // the KL to the reference is monitored even without a penalty: 0.143841 / 2 (see below)
    expect(t.referenceKl).toBeCloseTo(0.143841 / 2, 5);
  });

  it('clips the value loss as the max of clipped and unclipped squared errors', () => {
    // clipped V = V_old + clip(V − V_old, ±0.2) = [0.7, 1.7]; errors [0.49, 5.29] vs [1, 4] → max mean (1 + 5.29)/2
    expect(scalars({ ...options, clipRangeVf: 0.2 }).valueLoss).toBeCloseTo(3.145, 5);
  });

  it('adds the exact KL(π‖π_ref) of the categorical distributions times its coefficient', () => {
    const t = scalars({ ...options, klCoef: 2 });
    // state 0: 0.5·ln(0.5/0.25) + 0.5·ln(0.5/0.75) = 0.346574 − 0.202733 = 0.143841; state 1: 0
    expect(t.referenceKl).toBeCloseTo(0.143841 / 2, 5);
    expect(t.loss).toBeCloseTo(1.444 + 2 * (0.143841 / 2), 4);
  });

  it('passes gradient only through the unclipped branch of the surrogate', () => {
    const gradAt = (ratios: number[]) =>
      tf.tidy(() => {
        const g = tf.grad((lp: tf.Tensor) => ppoLoss(inputs(lp as tf.Tensor1D), { ...options, entCoef: 0 }).policyLoss);
        return Array.from(g(tf.tensor1d(ratios.map(Math.log))).dataSync());
      });
    // ρ = [1.5, 0.5], A = [1, −2]: both sit on the flat clipped branch (ρ > 1 + ε with A > 0,
    // ρ < 1 − ε with A < 0), so neither gets gradient
    gradAt([1.5, 0.5]).forEach((g) => expect(g).toBeCloseTo(0, 6));
    // ρ = [1.5, 0.9]: sample 1 is inside the clip range: d/dlogπ of −ρA/2 = −0.9·(−2)/2 = 0.9
    const [g0, g1] = gradAt([1.5, 0.9]);
    expect(g0).toBeCloseTo(0, 6);
    expect(g1).toBeCloseTo(0.9, 5);
  });

  it('standardises advantages per minibatch with the unbiased std', () => {
    const policyLoss = tf.tidy(() => {
      const base = inputs(tf.tensor1d([0, 0, 0]));
      const terms = ppoLoss(
        { ...base, oldLogProbs: tf.tensor1d([0, 0, 0]), advantages: tf.tensor1d([1, 3, 8]), entropy: tf.tensor1d([0, 0, 0]), value: tf.tensor1d([0, 0, 0]), returns: tf.tensor1d([0, 0, 0]), oldValues: tf.tensor1d([0, 0, 0]) },
        { ...options, normalizeAdvantages: true },
      );
      return terms.policyLoss.dataSync()[0]!;
    });
    // ρ = 1 everywhere: loss = −mean(normalised A) = 0 (it would be −4 unnormalised)
    expect(policyLoss).toBeCloseTo(0, 6);
  });

  it('requires reference log-probs for a KL penalty', () => {
    expect(() => tf.tidy(() => void ppoLoss({ ...inputs(), referenceLogProbs: undefined }, { ...options, klCoef: 1 }))).toThrow(/allLogProbs/);
  });
});
