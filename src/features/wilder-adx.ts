/** Directional-movement columns of a series; NaN before each value is defined. */
export interface DirectionalMovement {
  /** ADX, 0–100, defined from index 2·period − 1. */
  readonly adx: Float64Array;
  /** +DI, 0–100, defined from index `period`. */
  readonly plusDI: Float64Array;
  /** −DI, 0–100, defined from index `period`. */
  readonly minusDI: Float64Array;
}

/**
 * Wilder's directional movement system (Wilder 1978, "New Concepts in Technical Trading Systems"),
 * the same arithmetic as technicalindicators' `ADX` (sum-form Wilder smoothing S ← S − S/p + x of
 * TR, +DM, −DM; +DI = 100·S₊/S_TR; DX = 100·|+DI − −DI| / (+DI + −DI); ADX = Wilder average of DX
 * seeded with the mean of the first p DX), equal to it value for value on ordinary data.
 *
 * Computed here rather than with technicalindicators because the library divides 0 by 0 when the
 * first `period` bars are flat, and the resulting NaN enters its running ADX average and stays
 * there for the rest of the series. Here a zero true-range sum gives ±DI = 0 and a zero DI sum
 * gives DX = 0. Causal, O(n), typed arrays.
 */
export function wilderAdx(high: Float64Array, low: Float64Array, close: Float64Array, period: number): DirectionalMovement {
  const n = close.length;
  const { tr, plusDm, minusDm } = directionalMoves(high, low, close);
  const adx = new Float64Array(n).fill(NaN);
  const plusDI = new Float64Array(n).fill(NaN);
  const minusDI = new Float64Array(n).fill(NaN);
  let sTr = 0;
  let sPlus = 0;
  let sMinus = 0;
  let dxSum = 0;
  for (let i = 1; i < n; i++) {
    if (i <= period) {
      sTr += tr[i]!;
      sPlus += plusDm[i]!;
      sMinus += minusDm[i]!;
      if (i < period) continue;
    } else {
      sTr = sTr - sTr / period + tr[i]!;
      sPlus = sPlus - sPlus / period + plusDm[i]!;
      sMinus = sMinus - sMinus / period + minusDm[i]!;
    }
    const pdi = (plusDI[i] = sTr > 0 ? (sPlus * 100) / sTr : 0);
    const mdi = (minusDI[i] = sTr > 0 ? (sMinus * 100) / sTr : 0);
    const dx = pdi + mdi > 0 ? (Math.abs(pdi - mdi) / (pdi + mdi)) * 100 : 0;
    const k = i - period + 1;
    if (k < period) dxSum += dx;
    else if (k === period) adx[i] = (dxSum + dx) / period;
    else adx[i] = (dx - adx[i - 1]!) * (1 / period) + adx[i - 1]!;
  }
  return { adx, plusDI, minusDI };
}

/** True range and directional movements of each bar i ≥ 1 (Wilder's definitions); index 0 is 0. */
function directionalMoves(high: Float64Array, low: Float64Array, close: Float64Array) {
  const n = close.length;
  const tr = new Float64Array(n);
  const plusDm = new Float64Array(n);
  const minusDm = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    tr[i] = Math.max(high[i]! - low[i]!, Math.abs(high[i]! - close[i - 1]!), Math.abs(low[i]! - close[i - 1]!));
    const up = high[i]! - high[i - 1]!;
    const down = low[i - 1]! - low[i]!;
    plusDm[i] = up > down && up > 0 ? up : 0;
    minusDm[i] = down > up && down > 0 ? down : 0;
  }
  return { tr, plusDm, minusDm };
}
