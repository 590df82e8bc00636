/**
 * What `TradingEnv` reports with every reset and step: one read-only object per env, a live view
 * of its current state (so it changes with the next reset/step; copy it with `{ ...info }` to keep
 * it). Money in account currency, exposures as signed fractions of equity. After a reset the
 * trade fields (prices, traded shares, costs) are 0.
 */
export interface TradingInfo {
  /** Index of the observed bar in the BarSeries (t+1 after a step). */
  readonly barIndex: number;
  /** Its timestamp, epoch ms. */
  readonly timestamp: number;
  /** Steps taken in this episode. */
  readonly step: number;
  /** Equity at the observed bar's close. */
  readonly equity: number;
  readonly cash: number;
  /** Exposure held at the observed bar's close: shares · close / equity. */
  readonly position: number;
  /** Shares held (negative = short). */
  readonly shares: number;
  /** Target exposure of the last action. */
  readonly targetExposure: number;
  /** Open of the observed bar: the reference price of the last fill. */
  readonly openPrice: number;
  /** Price the last trade filled at (open ± slippage); equals `openPrice` when nothing traded. */
  readonly fillPrice: number;
  /** Signed shares traded by the last step. */
  readonly tradedShares: number;
  /** |tradedShares| · fillPrice. */
  readonly tradedValue: number;
  readonly commission: number;
  readonly slippage: number;
  /** Borrow fee charged on a short over the last bar. */
  readonly borrow: number;
  /** 1 − equity / peak, in [0, 1]. */
  readonly drawdown: number;
  /** Running peak of equity. */
  readonly peak: number;
}

/** Reads the current value of each info field. */
export type TradingInfoReaders = { readonly [K in keyof TradingInfo]: () => number };

/**
 * A live info object: each field is an own enumerable getter calling its reader, so it always
 * shows the env's current state, costs nothing per step, and still copies like plain data
 * (`{ ...info }`, `Object.entries`, `JSON.stringify` read every field).
 */
export function liveTradingInfo(readers: TradingInfoReaders): TradingInfo {
  const info = {} as TradingInfo;
  for (const key of Object.keys(readers) as (keyof TradingInfo)[]) {
    Object.defineProperty(info, key, { get: readers[key], enumerable: true, configurable: false });
  }
  return Object.preventExtensions(info);
}
