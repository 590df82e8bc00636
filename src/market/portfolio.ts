import { TradegymError } from '../core/errors.js';
import { createCostModel, type CostModel, type CostModelOptions } from './cost-model.js';
import { createFillRecord, type FillRecord } from './fill-record.js';
import { SIZING_MODES, targetShares, type SizingMode } from './sizing.js';

/** Options of a {@link Portfolio}. */
export interface PortfolioOptions {
  /** Starting cash, account currency (> 0). Default 100000. */
  initialCash?: number;
  costs?: CostModelOptions;
  /** Default `fractional`. */
  sizing?: SizingMode;
}

/**
 * One instrument's account, shared by the env and the backtest engine so both fill identically.
 *
 * Per bar t → t+1: `rebalance(target, open[t+1])` values equity at the open (the close→open gap
 * accrues to the old position), trades to the target exposure with slippage and commission
 * (see {@link targetShares}); then `markToMarket(close[t+1])` charges the short borrow fee and
 * revalues (the open→close move accrues to the new position), updating peak and drawdown.
 * Plain numeric fields and one reused {@link FillRecord}: no allocation per bar.
 */
export class Portfolio {
  readonly initialCash: number;
  readonly costs: CostModel;
  readonly sizing: SizingMode;
  /** Cash, account currency (negative = margin loan when levered). */
  cash = 0;
  /** Shares held (negative = short). */
  shares = 0;
  /** cash + shares · last marked price. */
  equity = 0;
  /** Running maximum of marked equity. */
  peak = 0;
  /** 1 − equity / peak, clamped to [0, 1]. */
  drawdown = 0;
  /** Last price the position was valued at (fill open or mark close). */
  lastPrice = 0;
  /** The last rebalance's fill (reused object). */
  readonly fill: FillRecord = createFillRecord();
  private readonly slip: number;
  private readonly comm: number;
  private readonly borrowRate: number;
  private readonly band: number;
  private readonly wholeShares: boolean;

  constructor(options: PortfolioOptions = {}) {
    const cash = options.initialCash ?? 100_000;
    if (typeof cash !== 'number' || !Number.isFinite(cash) || cash <= 0) {
      throw new TradegymError('E_BAD_CONFIG', `initialCash is ${String(cash)}; expected a positive amount of account currency (e.g. 100000).`, {
        column: 'initialCash',
        value: String(cash),
      });
    }
    const sizing = options.sizing ?? 'fractional';
    if (!SIZING_MODES.includes(sizing)) {
      throw new TradegymError('E_BAD_CONFIG', `sizing is "${String(sizing)}"; expected one of ${SIZING_MODES.join(', ')}.`, {
        column: 'sizing',
        value: String(sizing),
      });
    }
    this.initialCash = cash;
    this.costs = createCostModel(options.costs);
    this.sizing = sizing;
    this.wholeShares = sizing === 'whole-shares';
    this.slip = this.costs.slippageBps / 1e4;
    this.comm = this.costs.commissionBps / 1e4;
    this.borrowRate = this.costs.borrowBpsPerBar / 1e4;
    this.band = this.costs.rebalanceBand;
    this.reset();
  }

  /** Back to all cash, no position, peak = equity = initialCash. */
  reset(): void {
    this.cash = this.initialCash;
    this.shares = 0;
    this.equity = this.initialCash;
    this.peak = this.initialCash;
    this.drawdown = 0;
    this.lastPrice = 0;
    const f = this.fill;
    f.openPrice = f.fillPrice = f.tradedShares = f.tradedValue = f.commission = f.slippage = f.borrow = 0;
  }

  /** Signed exposure: shares · lastPrice / equity (0 when flat or equity ≤ 0). */
  get exposure(): number {
    return this.equity > 0 && this.shares !== 0 ? (this.shares * this.lastPrice) / this.equity : 0;
  }

  /** True once equity ≤ 0. */
  get bankrupt(): boolean {
    return this.equity <= 0;
  }

  /**
   * Trades at `openPrice` to `targetExposure` (signed fraction of equity valued at the open).
   * Buys fill at open · (1 + slippage), sells at open · (1 − slippage); commission on |traded value|.
   * No order while a non-zero target is within the cost model's `rebalanceBand` of the exposure at the open.
   * Returns the reused fill record.
   */
  rebalance(targetExposure: number, openPrice: number): FillRecord {
    const newShares = this.withinBand(targetExposure, openPrice)
      ? this.shares
      : targetShares(this.cash, this.shares, openPrice, targetExposure, this.slip, this.comm, this.wholeShares);
    const traded = newShares - this.shares;
    const f = this.fill;
    f.openPrice = openPrice;
    f.borrow = 0;
    if (traded === 0) {
      f.fillPrice = openPrice;
      f.tradedShares = f.tradedValue = f.commission = f.slippage = 0;
    } else {
      const sign = traded > 0 ? 1 : -1;
      const fillPrice = openPrice * (1 + sign * this.slip);
      const tradedValue = sign * traded * fillPrice;
      f.fillPrice = fillPrice;
      f.tradedShares = traded;
      f.tradedValue = tradedValue;
      f.commission = tradedValue * this.comm;
      f.slippage = sign * traded * openPrice * this.slip;
      this.cash -= traded * fillPrice + f.commission;
      this.shares = newShares;
    }
    this.lastPrice = openPrice;
    this.equity = this.cash + this.shares * openPrice;
    return f;
  }

  /** True when the rebalance band holds the position: a non-zero target within `band` of the exposure at the open. */
  private withinBand(targetExposure: number, openPrice: number): boolean {
    if (this.band === 0 || targetExposure === 0) return false;
    const equity = this.cash + this.shares * openPrice;
    if (equity <= 0) return false;
    return Math.abs(targetExposure - (this.shares * openPrice) / equity) < this.band;
  }

  /**
   * Revalues at `closePrice` after charging the borrow fee on a short (|shares| · close · borrow rate),
   * then updates peak and drawdown (read `equity` afterwards).
   */
  markToMarket(closePrice: number): void {
    if (this.shares < 0 && this.borrowRate > 0) {
      const borrow = -this.shares * closePrice * this.borrowRate;
      this.cash -= borrow;
      this.fill.borrow = borrow;
    }
    this.lastPrice = closePrice;
    const equity = this.cash + this.shares * closePrice;
    this.equity = equity;
    if (equity > this.peak) this.peak = equity;
    const dd = 1 - equity / this.peak;
    this.drawdown = dd > 0 ? (dd < 1 ? dd : 1) : 0;
  }
}
