import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { isPackageInstalled, selectBackend } from '../../src/nn/backend.js';

// Tests run in order and share the process-wide backend choice.
describe('selectBackend', () => {
  const nativeInstalled = isPackageInstalled('@tensorflow/tfjs-node-gpu') || isPackageInstalled('@tensorflow/tfjs-node');

  it('auto picks wasm when no native TensorFlow package is installed, and announces it once', async () => {
    expect(nativeInstalled).toBe(false); // this repository ships without tfjs-node(-gpu)
    const lines: string[] = [];
    expect(await selectBackend('auto', (l) => lines.push(l))).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(await selectBackend('auto', (l) => lines.push(l))).toBe('wasm');
    expect(await selectBackend('wasm', (l) => lines.push(l))).toBe('wasm');
    expect(lines).toEqual(['tfjs backend: wasm']);
  });

  it('switches to an explicitly requested cpu backend', async () => {
    const lines: string[] = [];
    expect(await selectBackend('cpu', (l) => lines.push(l))).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(lines).toEqual(['tfjs backend: cpu']);
    expect(tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0])).toBe(5);
  });

  it('rejects an explicit tensorflow-gpu request with E_BACKEND_UNAVAILABLE naming the available backends', async () => {
    const error = await selectBackend('tensorflow-gpu', () => {}).catch((e: unknown) => e);
    expect(isTradegymError(error, 'E_BACKEND_UNAVAILABLE')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('"tensorflow-gpu" is unavailable');
    expect(message).toContain('@tensorflow/tfjs-node-gpu is not installed');
    expect(message).toContain('Available here: wasm, cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('rejects an unknown backend name', async () => {
    const error = await selectBackend('webgpu' as 'cpu', () => {}).catch((e: unknown) => e);
    expect(isTradegymError(error, 'E_BACKEND_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('unknown backend name');
  });
});
