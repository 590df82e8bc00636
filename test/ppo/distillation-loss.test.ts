import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/nn/backend.js';
import { distillationLoss } from '../../src/ppo/distillation-loss.js';
import { oneHotTargets, temperedTargets } from '../../src/ppo/teacher-targets.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

const logits = [
  [0.2, -1, 0.5, 2, 0],
  [1, 1, 1, 1, 1],
  [-3, 0.1, 0.4, 0, 2.5],
];

function loss(studentLogits: number[][], teacherProbs: Float32Array, temperature = 1): number {
  return tf.tidy(() => distillationLoss(tf.logSoftmax(tf.tensor2d(studentLogits)), tf.tensor2d(teacherProbs, [studentLogits.length, 5]), temperature).dataSync()[0]!);
}

function softmaxRows(rows: number[][], temperature = 1): Float32Array {
  return tf.tidy(() => tf.softmax(tf.div(tf.tensor2d(rows), temperature)).dataSync() as Float32Array);
}

describe('distillationLoss (Hinton et al. 2015; Rusu et al. 2015)', () => {
  it('is ~0 when the student equals the teacher, at any temperature', () => {
    expect(Math.abs(loss(logits, softmaxRows(logits)))).toBeLessThan(1e-6);
    expect(Math.abs(loss(logits, softmaxRows(logits, 2), 2))).toBeLessThan(1e-6);
  });

  it('is the mean KL(p_T‖p_S) computed by hand', () => {
    const teacher = Float32Array.from([0.5, 0.5, 0, 0, 0]);
    const student = [[0, 0, 0, 0, 0]];
    // KL = 0.5·ln(0.5/0.2)·2 = ln 2.5
    expect(loss(student, teacher)).toBeCloseTo(Math.log(2.5), 5);
  });

  it('is the cross-entropy −log p_S(a) for one-hot targets, and positive when they differ', () => {
    const targets = oneHotTargets(Int32Array.from([3, 0, 4]), 5);
    const logP = tf.tidy(() => tf.logSoftmax(tf.tensor2d(logits)).arraySync() as number[][]);
    const expected = -(logP[0]![3]! + logP[1]![0]! + logP[2]![4]!) / 3;
    expect(loss(logits, targets)).toBeCloseTo(expected, 5);
    expect(loss(logits, targets)).toBeGreaterThan(0);
  });

  it('drives a student to its teacher by gradient descent', () => {
    const teacher = tf.tensor2d(softmaxRows(logits), [3, 5]);
    const student = tf.variable(tf.zeros([3, 5]));
    const optimizer = tf.train.adam(0.1);
    for (let i = 0; i < 300; i++) optimizer.minimize(() => distillationLoss(tf.logSoftmax(student) as tf.Tensor2D, teacher));
    expect(tf.tidy(() => distillationLoss(tf.logSoftmax(student) as tf.Tensor2D, teacher).dataSync()[0]!)).toBeLessThan(1e-4);
    tf.dispose([teacher, student]);
    optimizer.dispose();
  });
});

describe('teacher targets', () => {
  it('smooths one-hot targets: (1 − ε)·onehot + ε/K', () => {
    const t = oneHotTargets(Int32Array.from([1]), 4, 0.2);
    expect(Array.from(t).map((x) => +x.toFixed(6))).toEqual([0.05, 0.85, 0.05, 0.05]);
  });

  it('tempers probabilities as softmax(logits/τ)', () => {
    const probs = softmaxRows(logits);
    const tempered = temperedTargets(probs, 5, 2);
    const expected = softmaxRows(logits, 2);
    tempered.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });
});
