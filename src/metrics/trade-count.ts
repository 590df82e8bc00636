import { assertFinite } from './assert-finite.js';

/**
 * Number of position changes: #{t : p_t ≠ p_{t−1}} with p_{−1} = `initialPosition` (default 0,
 * so the first entry counts). A reversal from −1 to +1 is one change. 0 for an empty series.
 */
export function tradeCount(positions: ArrayLike<number>, initialPosition = 0): number {
  assertFinite(positions, 'positions');
  let previous = initialPosition;
  let changes = 0;
  for (let t = 0; t < positions.length; t++) {
    if (positions[t] !== previous) changes++;
    previous = positions[t]!;
  }
  return changes;
}
