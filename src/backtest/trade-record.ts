/** One fill of a backtest (account currency; quantities in shares; exposures as fractions of equity). */
export interface TradeRecord {
  /** Bar whose open the order filled at (the bar after the decision). */
  readonly barIndex: number;
  /** Open time of that bar, Unix epoch milliseconds. */
  readonly timestamp: number;
  readonly side: 'buy' | 'sell';
  /** Shares traded, positive. */
  readonly quantity: number;
  /** The bar's open, before slippage. */
  readonly openPrice: number;
  /** Price paid or received: open · (1 ± slippage). */
  readonly price: number;
  /** quantity · price. */
  readonly notional: number;
  readonly commission: number;
  /** quantity · |price − open|. */
  readonly slippage: number;
  /** Exposure held before the fill (valued at the previous close). */
  readonly positionBefore: number;
  /** Exposure right after the fill (valued at the open). */
  readonly positionAfter: number;
  /** Equity right after the fill, valued at the open. */
  readonly equityAfter: number;
}
