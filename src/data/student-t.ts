import type { Rng } from '../core/rng.js';
import { sampleChiSquare } from './gamma-sampler.js';

/**
 * One draw from Student's t with ν = `degreesOfFreedom` (> 0): Z / √(V/ν) with Z ~ N(0, 1)
 * and V ~ χ²(ν) independent. Variance ν/(ν − 2) for ν > 2.
 */
export function sampleStudentT(rng: Rng, degreesOfFreedom: number): number {
  const z = rng.normal();
  return z / Math.sqrt(sampleChiSquare(rng, degreesOfFreedom) / degreesOfFreedom);
}

/**
 * One draw from Student's t rescaled to unit variance: t · √((ν − 2)/ν), the usual shock
 * distribution of GARCH-t models (Bollerslev 1987). Requires ν > 2 (finite variance).
 */
export function sampleStandardizedStudentT(rng: Rng, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 2)) throw new RangeError(`standardized Student-t needs degrees of freedom > 2, got ${degreesOfFreedom}`);
  return sampleStudentT(rng, degreesOfFreedom) * Math.sqrt((degreesOfFreedom - 2) / degreesOfFreedom);
}
