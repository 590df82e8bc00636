import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { ewcPenalty } from '../../src/ppo/ewc-penalty.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

const anchor = new Map([['w', tf.tensor1d([1, -2])]]);
const fisher = new Map([['w', tf.tensor1d([1, 2])]]);

function penaltyAt(values: number[], lambda = 3): number {
  return tf.tidy(() => ewcPenalty([{ name: 'w', tensor: tf.tensor1d(values) }], anchor, fisher, lambda).dataSync()[0]!);
}

describe('ewcPenalty (Kirkpatrick et al. 2017)', () => {
  it('is 0 at the anchor θ_base', () => {
    expect(penaltyAt([1, -2])).toBe(0);
  });

  it('equals λ·Σ F·(θ − θ*)² computed by hand', () => {
    // deviations (0.5, −1): 3 · (1·0.25 + 2·1) = 6.75
    expect(penaltyAt([1.5, -3])).toBeCloseTo(6.75, 6);
  });

  it('grows quadratically with the deviation', () => {
    const d = [0.3, -0.2];
    const at = (c: number) => penaltyAt([1 + c * d[0]!, -2 + c * d[1]!]);
    expect(at(2) / at(1)).toBeCloseTo(4, 5);
    expect(at(3) / at(1)).toBeCloseTo(9, 5);
  });

  it('has gradient 2λF(θ − θ*)', () => {
    const grad = tf.tidy(() => {
      const g = tf.grad((x: tf.Tensor) => ewcPenalty([{ name: 'w', tensor: x }], anchor, fisher, 3))(tf.tensor1d([1.5, -3]));
      return Array.from(g.dataSync());
    });
    expect(grad[0]).toBeCloseTo(2 * 3 * 1 * 0.5, 5);
    expect(grad[1]).toBeCloseTo(2 * 3 * 2 * -1, 5);
  });

  it('ignores parameters without a Fisher entry and rejects a negative λ', () => {
    expect(tf.tidy(() => ewcPenalty([{ name: 'other', tensor: tf.ones([3]) }], anchor, fisher, 1).dataSync()[0])).toBe(0);
    expect(() => penaltyAt([1, 1], -1)).toThrow(/λ/);
  });

  it('on a LoRA policy it is 0 at attach (B = 0) and reaches only the adapters through W + A·B·α/r', () => {
    const policy = ActorCritic.create({ observationSize: 4, actionCount: 3, actorHidden: [8], criticHidden: [8] }, new Rng(1));
    const anchors = new Map(policy.effectiveWeights().map(({ name, tensor }) => [name, tf.keep(tensor.clone())]));
    const ones = new Map([...anchors].map(([name, t]) => [name, tf.keep(tf.onesLike(t))]));
    policy.attachAdapters({ rank: 2, alpha: 4, actorLayers: 'all', criticLayers: 'all' }, new Rng(2));
    const penalty = () => tf.tidy(() => ewcPenalty(policy.effectiveWeights(), anchors, ones, 1).dataSync()[0]!);
    expect(penalty()).toBe(0);
    const variables = policy.trainableVariables();
    const { grads } = tf.variableGrads(() => tf.add(ewcPenalty(policy.effectiveWeights(), anchors, ones, 1), tf.sum(policy.effectiveWeights()[0]!.tensor)) as tf.Scalar, variables);
    expect(Object.keys(grads).length).toBe(variables.length);
    tf.dispose(Object.values(grads));
    const b = policy.adapterWeights().find((w) => w.name === 'actor/hidden_0/lora_b')!.tensor as tf.Variable;
    b.assign(tf.fill(b.shape, 0.1));
    const before = penalty();
    b.assign(tf.fill(b.shape, 0.2));
    expect(penalty() / before).toBeCloseTo(4, 4);
    policy.dispose();
    tf.dispose([...anchors.values(), ...ones.values()]);
  });
});
