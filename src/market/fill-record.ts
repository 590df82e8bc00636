/**
 * The result of one rebalance, reused by its `Portfolio` (read it before the next call;
 * copy what you keep). Money in account currency, quantities in shares.
 */
export interface FillRecord {
  /** Reference price of the fill: the bar's open. */
  openPrice: number;
  /** Price actually paid/received: open · (1 ± slippage); equals `openPrice` when nothing traded. */
  fillPrice: number;
  /** Signed shares traded (+ buy, − sell); 0 when the target was already held. */
  tradedShares: number;
  /** |tradedShares| · fillPrice. */
  tradedValue: number;
  /** Commission paid: tradedValue · commissionBps / 1e4. */
  commission: number;
  /** Slippage cost: |tradedShares| · |fillPrice − openPrice|. */
  slippage: number;
  /** Borrow fee charged at the following mark to market (short positions only). */
  borrow: number;
}

/** A zeroed fill record. */
export function createFillRecord(): FillRecord {
  return { openPrice: 0, fillPrice: 0, tradedShares: 0, tradedValue: 0, commission: 0, slippage: 0, borrow: 0 };
}
