import type { Rng } from '../core/rng.js';

/**
 * A (semi-)orthogonal kernel of shape [rows, cols] scaled by `gain`, row-major, drawn from
 * `rng` (Saxe et al. 2014, arXiv:1312.6120; same recipe as PyTorch's `orthogonal_`):
 * a Gaussian matrix is QR-factorised (modified Gram–Schmidt, two passes for stability) and
 * Q's columns are sign-corrected by diag(R) so the distribution is uniform (Haar).
 * If rows ≥ cols the columns are orthonormal (WᵀW = gain²·I), otherwise the rows are.
 * Used with gain √2 for tanh/relu hidden layers, 0.01 for a policy head, 1 for a value head.
 */
export function orthogonalKernel(rows: number, cols: number, gain: number, rng: Rng): Float32Array {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`orthogonalKernel expects positive integer dimensions, got [${rows}, ${cols}]`);
  }
  const tall = rows >= cols;
  const n = tall ? rows : cols;
  const m = tall ? cols : rows;
  const q = gaussianColumns(n, m, rng);
  orthonormalizeColumns(q, n, m);
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const v = gain * q[j]![i]!;
      if (tall) out[i * cols + j] = v;
      else out[j * cols + i] = v;
    }
  }
  return out;
}

/** m columns of length n with standard normal entries (column-major: drawn column by column). */
function gaussianColumns(n: number, m: number, rng: Rng): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = rng.normal();
    columns.push(c);
  }
  return columns;
}

/**
 * In-place Gram–Schmidt: column j becomes Q's column j of A = QR with diag(R) > 0, which
 * equals numpy's Q·sign(diag(R)) correction.
 */
function orthonormalizeColumns(columns: Float64Array[], n: number, m: number): void {
  for (let j = 0; j < m; j++) {
    const c = columns[j]!;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        const qk = columns[k]!;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += qk[i]! * c[i]!;
        for (let i = 0; i < n; i++) c[i] -= dot * qk[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += c[i]! * c[i]!;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-12)) throw new RangeError('orthogonalKernel: degenerate Gaussian draw (rank deficient)');
    for (let i = 0; i < n; i++) c[i] /= norm;
  }
}
