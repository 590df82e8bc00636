/**
 * How target exposures become share counts.
 * - `fractional` (default): any real number of shares; a target of 1 leaves cash at exactly 0 (up to rounding).
 * - `whole-shares`: the cost-aware target rounded toward zero to whole shares; a buy toward a target
 *   exposure ≤ 1 never spends more than the cash on hand, so long-only accounts never go negative.
 */
export type SizingMode = 'fractional' | 'whole-shares';

/** The sizing modes, for validation and help text. */
export const SIZING_MODES: readonly SizingMode[] = Object.freeze(['fractional', 'whole-shares']);

/**
 * A rebalance whose notional is at most this fraction of equity is skipped: it only corrects
 * floating-point rounding (≈1e-13 of equity when holding a constant full exposure) and would
 * otherwise show up as a dust trade paying a commission on nothing.
 */
export const DUST_NOTIONAL_FRACTION = 1e-9;

/**
 * Shares to hold after rebalancing to `targetExposure` at a bar's open (pure; units: shares).
 *
 * Equity is valued at the open, E = cash + shares · open (the gap since the last close accrues
 * to the old position). Sizing is cost-aware: the traded notional d·open (d = new − old shares)
 * solves  new · open = target · (E − k · |d| · open),  i.e. after paying slippage and commission the
 * exposure at the open equals the target exactly. With σ = sign(target·E − shares·open) and cost per unit of
 * notional k = s + (1 + σ s) c (s, c fractions):  d · open = (target · E − shares · open) / (1 + σ · target · k).
 * When E ≤ 0 the account is liquidated (target 0).
 *
 * @param slip slippage as a fraction (bps / 1e4); @param comm commission as a fraction;
 * @param wholeShares true for `whole-shares` sizing, false for `fractional`.
 */
export function targetShares(
  cash: number,
  shares: number,
  openPrice: number,
  targetExposure: number,
  slip: number,
  comm: number,
  wholeShares: boolean,
): number {
  const equity = cash + shares * openPrice;
  const target = equity > 0 ? targetExposure : 0;
  if (target === 0) return 0;
  const diff = target * equity - shares * openPrice;
  if (Math.abs(diff) <= DUST_NOTIONAL_FRACTION * equity) return shares;
  const sign = diff > 0 ? 1 : -1;
  const k = slip + (1 + sign * slip) * comm;
  const desired = shares + diff / (1 + sign * target * k) / openPrice;
  if (!wholeShares) return desired;
  return wholeShareTarget(cash, shares, Math.trunc(desired), openPrice * (1 + sign * slip), comm, target);
}

/** Whole-share target; buys toward an unlevered target are capped by cash: floor(cash / (fill · (1 + c))). */
function wholeShareTarget(cash: number, shares: number, rounded: number, fillPrice: number, comm: number, target: number): number {
  let buy = rounded - shares;
  if (buy <= 0 || target > 1) return rounded;
  const affordable = Math.floor(cash / (fillPrice * (1 + comm)));
  if (buy > affordable) buy = affordable > 0 ? affordable : 0;
  while (buy > 0 && cash - buy * fillPrice * (1 + comm) < 0) buy -= 1;
  return shares + buy;
}
