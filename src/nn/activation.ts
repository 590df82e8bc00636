import * as tf from '@tensorflow/tfjs';

/** Activations the dense op supports (each with a backward pass written in terms of its output). */
export type Activation = 'linear' | 'tanh' | 'relu' | 'sigmoid';

/** All supported activation names, for validation messages. */
export const ACTIVATIONS: readonly Activation[] = ['linear', 'tanh', 'relu', 'sigmoid'];

/** True when `name` is a supported activation. */
export function isActivation(name: unknown): name is Activation {
  return typeof name === 'string' && (ACTIVATIONS as readonly string[]).includes(name);
}

/**
 * y = act(z). tanh is evaluated as 2·sigmoid(2z) − 1, which is exact and ~6× cheaper than
 * `tf.tanh` on the wasm backend (PERF-NOTES.md).
 */
export function applyActivation(z: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return z;
    case 'tanh':
      return tf.sub(tf.mul(tf.sigmoid(tf.mul(z, 2)), 2), 1);
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
  }
}

/**
 * dL/dz from dL/dy and the activation's output y: tanh′ = 1 − y², sigmoid′ = y(1 − y),
 * relu′ = [y > 0]. Using y (saved by the forward pass) avoids recomputing the activation.
 */
export function activationGrad(dy: tf.Tensor2D, y: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return dy;
    case 'tanh':
      return tf.mul(dy, tf.sub(1, tf.square(y)));
    case 'relu':
      return tf.mul(dy, tf.step(y));
    case 'sigmoid':
      return tf.mul(dy, tf.mul(y, tf.sub(1, y)));
  }
}
