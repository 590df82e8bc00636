import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { AdamOptions, GradientOptimizer } from '../../src/ppo/gradient-optimizer.js';

/** Builds the optimiser under test. */
export type OptimizerFactory = (variables: tf.Variable[], options?: AdamOptions) => GradientOptimizer;

const gradientSteps = [
  [[0.1, -0.2, 0.3, 0.4], [1.0, -2.0]],
  [[-0.5, 0.25, 0.0, 1.5], [0.3, 0.1]],
  [[2.0, 2.0, -1.0, 0.5], [-0.7, 0.9]],
];

function makeVariables(): tf.Variable[] {
  return [tf.variable(tf.tensor2d([[1, 2], [3, 4]])), tf.variable(tf.tensor1d([-1, 0.5]))];
}

function grads(step: number[][], variables: tf.Variable[]): tf.Tensor[] {
  return step.map((g, i) => tf.tensor(g, variables[i]!.shape));
}

function train(make: OptimizerFactory, maxGradNorm: number | null): number[][] {
  const variables = makeVariables();
  const optimizer = make(variables, { maxGradNorm, epsilon: 1e-5 });
  for (const step of gradientSteps) tf.tidy(() => optimizer.applyGradients(grads(step, variables), 0.01));
  const out = variables.map((v) => Array.from(v.dataSync()));
  optimizer.dispose();
  variables.forEach((v) => v.dispose());
  return out;
}

/** The behaviour every Adam implementation must share (PyTorch Adam + clip_grad_norm_). */
export function describeAdam(name: string, make: OptimizerFactory): void {
  describe(name, () => {
    it('matches tfjs AdamOptimizer (same ε) step for step without clipping', () => {
      const reference = makeVariables();
      const adam = tf.train.adam(0.01, 0.9, 0.999, 1e-5);
      for (const step of gradientSteps) {
        tf.tidy(() => {
          const g = grads(step, reference);
          adam.applyGradients(reference.map((v, i) => ({ name: v.name, tensor: g[i]! })));
        });
      }
      const ours = train(make, null);
      reference.forEach((v, i) => Array.from(v.dataSync()).forEach((x, k) => expect(ours[i]![k]).toBeCloseTo(x, 6)));
      adam.dispose();
      reference.forEach((v) => v.dispose());
    });

    it('clips the global norm like clip_grad_norm_ and reports the unclipped norm', () => {
      const variables = makeVariables();
      const optimizer = make(variables, { maxGradNorm: 0.5 });
      const before = variables.map((v) => Array.from(v.dataSync()));
      // ‖g‖ = √(3² + 4²) = 5 → g scaled by 0.1; Adam's first step is −lr·sign(g) for any scale
      tf.tidy(() => optimizer.applyGradients([tf.tensor2d([[3, 0], [0, 0]]), tf.tensor1d([4, 0])], 0.1));
      expect(optimizer.takeGradNormSum()).toEqual({ sum: expect.closeTo(5, 5), steps: 1 });
      expect(optimizer.takeGradNormSum()).toEqual({ sum: 0, steps: 0 });
      const after = variables.map((v) => Array.from(v.dataSync()));
      expect(after[0]![0]! - before[0]![0]!).toBeCloseTo(-0.1, 3);
      expect(after[1]![0]! - before[1]![0]!).toBeCloseTo(-0.1, 3);
      expect(after[0]![1]).toBe(before[0]![1]);
      optimizer.dispose();
      variables.forEach((v) => v.dispose());
    });

    it('differs from an unclipped run when the norm exceeds the limit', () => {
      expect(train(make, 0.1)).not.toEqual(train(make, null));
    });

    it('trains only the given variables and leaks no tensors', () => {
      const [trained, frozen] = makeVariables();
      const optimizer = make([trained!], { maxGradNorm: 1 });
      const frozenBefore = Array.from(frozen!.dataSync());
      const count = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) tf.tidy(() => optimizer.applyGradients([tf.ones([2, 2])], 0.1));
      optimizer.takeGradNormSum();
      expect(tf.memory().numTensors).toBe(count);
      expect(Array.from(frozen!.dataSync())).toEqual(frozenBefore);
      expect(Array.from(trained!.dataSync())).not.toEqual([1, 2, 3, 4]);
      expect(optimizer.parameterCount).toBe(4);
      optimizer.dispose();
      trained!.dispose();
      frozen!.dispose();
    });

    it('restarts the bias correction after reset, like a fresh optimiser', () => {
      const variables = makeVariables();
      const optimizer = make(variables);
      tf.tidy(() => optimizer.applyGradients(grads(gradientSteps[0]!, variables), 0.01));
      optimizer.reset();
      const before = Array.from(variables[0]!.dataSync());
      tf.tidy(() => optimizer.applyGradients([tf.tensor2d([[1, -1], [0, 2]]), tf.tensor1d([0, 0])], 0.01));
      const after = Array.from(variables[0]!.dataSync());
      // a first step moves every parameter with a non-zero gradient by exactly lr
      expect(after[0]! - before[0]!).toBeCloseTo(-0.01, 4);
      expect(after[1]! - before[1]!).toBeCloseTo(0.01, 4);
      optimizer.dispose();
      variables.forEach((v) => v.dispose());
    });

    it('continues exactly from exportState in a fresh optimiser (what --resume does)', () => {
      const uninterrupted = train(make, 0.5);
      const variables = makeVariables();
      const first = make(variables, { maxGradNorm: 0.5, epsilon: 1e-5 });
      tf.tidy(() => first.applyGradients(grads(gradientSteps[0]!, variables), 0.01));
      const state = first.exportState();
      expect(state.step).toBe(1);
      first.dispose();
      const second = make(variables, { maxGradNorm: 0.5, epsilon: 1e-5 });
      second.importState(state);
      for (const step of gradientSteps.slice(1)) tf.tidy(() => second.applyGradients(grads(step, variables), 0.01));
      expect(variables.map((v) => Array.from(v.dataSync()))).toEqual(uninterrupted);
      // and a fresh optimiser without the state does not
      const restarted = makeVariables();
      const a = make(restarted, { maxGradNorm: 0.5, epsilon: 1e-5 });
      tf.tidy(() => a.applyGradients(grads(gradientSteps[0]!, restarted), 0.01));
      const b = make(restarted, { maxGradNorm: 0.5, epsilon: 1e-5 });
      for (const step of gradientSteps.slice(1)) tf.tidy(() => b.applyGradients(grads(step, restarted), 0.01));
      expect(restarted.map((v) => Array.from(v.dataSync()))).not.toEqual(uninterrupted);
      expect(() => second.importState({ step: 1, m: new Float32Array(3), v: new Float32Array(3) })).toThrow(/3\/3 moments for 6 parameters/);
      [second, a, b].forEach((o) => o.dispose());
      [...variables, ...restarted].forEach((v) => v.dispose());
    });
  });
}
