import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { orthogonalKernel } from '../../src/nn/orthogonal-init.js';

/** G = MᵀM (columns) or MMᵀ (rows) of a row-major [rows, cols] matrix. */
function gram(m: Float32Array, rows: number, cols: number, ofColumns: boolean): number[][] {
  const n = ofColumns ? cols : rows;
  const len = ofColumns ? rows : cols;
  const at = (v: number, k: number) => (ofColumns ? m[k * cols + v]! : m[v * cols + k]!);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < len; k++) s += at(i, k) * at(j, k);
      return s;
    }),
  );
}

function expectScaledIdentity(g: number[][], value: number, tol: number): void {
  g.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - (i === j ? value : 0))).toBeLessThan(tol)));
}

describe('orthogonalKernel', () => {
  it('has orthonormal columns scaled by the gain for a tall kernel (WᵀW = gain²·I)', () => {
    const w = orthogonalKernel(64, 16, Math.SQRT2, new Rng(1));
    expectScaledIdentity(gram(w, 64, 16, true), 2, 1e-5);
  });

  it('has orthonormal rows for a wide kernel (WWᵀ = gain²·I), e.g. 20 features → 128 units', () => {
    const w = orthogonalKernel(20, 128, 1, new Rng(2));
    expectScaledIdentity(gram(w, 20, 128, false), 1, 1e-5);
  });

  it('is a pure function of the rng stream: same seed same matrix, other seed another', () => {
    const a = orthogonalKernel(8, 8, 0.01, new Rng(3));
    expect(orthogonalKernel(8, 8, 0.01, new Rng(3))).toEqual(a);
    expect(orthogonalKernel(8, 8, 0.01, new Rng(4))).not.toEqual(a);
    expectScaledIdentity(gram(a, 8, 8, true), 1e-4, 1e-9);
  });

  it('rejects non-positive dimensions', () => {
    expect(() => orthogonalKernel(0, 3, 1, new Rng(1))).toThrow(/positive integer/);
  });
});
