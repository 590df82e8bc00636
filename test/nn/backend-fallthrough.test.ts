import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BACKEND_CANDIDATES, type BackendCandidate, selectBackendFrom } from '../../src/nn/backend.js';

describe('selectBackend fall-through', () => {
  it('notes an installed backend that fails to load in one line and falls through to the next', async () => {
    const broken: BackendCandidate = {
      name: 'tensorflow',
      packageName: '@tensorflow/tfjs', // installed, so auto tries it
      activate: async () => {
        throw new Error('libtensorflow.so.2: cannot open shared object file\n    at dlopen (native)');
      },
    };
    const lines: string[] = [];
    const candidates = [broken, ...BACKEND_CANDIDATES.filter((c) => c.name === 'wasm' || c.name === 'cpu')];
    expect(await selectBackendFrom(candidates, 'auto', (l) => lines.push(l))).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(lines).toEqual([
      'note: tfjs backend tensorflow is installed but failed to load (libtensorflow.so.2: cannot open shared object file); trying the next one',
      'tfjs backend: wasm',
    ]);
  });
});
