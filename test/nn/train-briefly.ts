import * as tf from '@tensorflow/tfjs';
import type { ActorCritic } from '../../src/nn/actor-critic.js';

/**
 * A few Adam steps (lr 0.05) on a fixed batch of 8 observations (row-major, width 6): maximise the
 * log-prob of a fixed action sequence and pull values toward 1, moving every trainable variable.
 */
export function trainBriefly(policy: ActorCritic, observations: Float32Array, steps = 3): void {
  const optimizer = tf.train.adam(0.05);
  tf.tidy(() => {
    const x = tf.tensor2d(observations, [8, 6]);
    const actions = tf.tensor1d([0, 1, 2, 3, 4, 0, 1, 2], 'int32');
    for (let i = 0; i < steps; i++) {
      optimizer.minimize(() => {
        const { logProb, value } = policy.evaluate(x, actions);
        return tf.add(tf.neg(tf.mean(logProb)), tf.mean(tf.square(tf.sub(value, 1)))) as tf.Scalar;
      }, false, policy.trainableVariables());
    }
  });
  optimizer.dispose();
}
