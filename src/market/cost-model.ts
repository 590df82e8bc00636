import { TradegymError } from '../core/errors.js';

/**
 * Trading costs in basis points (1 bps = 0.01 % = 1e-4), and the rebalance band that saves them.
 * - `commissionBps`: charged on the traded value |Δshares| · fill price.
 * - `slippageBps`: moves the fill price against the trade: buys fill at open · (1 + s), sells at open · (1 − s).
 * - `borrowBpsPerBar`: charged each bar on the market value of a short position (|shares| · close).
 * - `rebalanceBand`: a no-trade band, as a fraction of equity: no order is sent while the exposure
 *   at the open is within this distance of a non-zero target (0 = re-target exactly every bar;
 *   a target of 0 always goes flat). E.g. 0.05 stops a 0.5 target from trading the drift between
 *   0.45 and 0.55.
 */
export interface CostModel {
  readonly commissionBps: number;
  readonly slippageBps: number;
  readonly borrowBpsPerBar: number;
  readonly rebalanceBand: number;
}

/**
 * User-facing cost options. Give the short borrow either per bar (`borrowBpsPerBar`) or as an
 * annual rate in bps (`borrowBpsPerYear`, e.g. 300 = 3 %/year) together with `periodsPerYear`
 * (252 for daily bars); the annual rate is spread evenly: per bar = annual / periodsPerYear.
 */
export interface CostModelOptions {
  commissionBps?: number;
  slippageBps?: number;
  borrowBpsPerBar?: number;
  borrowBpsPerYear?: number;
  periodsPerYear?: number;
  /** No-trade band, fraction of equity in [0, 1); default 0. */
  rebalanceBand?: number;
}

/** Defaults: 5 bps commission, 5 bps slippage, no borrow fee (set one to make shorts pay), no rebalance band. */
export const DEFAULT_COSTS: CostModel = Object.freeze({ commissionBps: 5, slippageBps: 5, borrowBpsPerBar: 0, rebalanceBand: 0 });

/** Upper bound for commission and slippage each (5 %), which keeps cost-aware sizing well-defined. */
export const MAX_COST_BPS = 500;

/**
 * Validates cost options and fills in {@link DEFAULT_COSTS}.
 * @throws TradegymError `E_BAD_CONFIG` for negative, non-finite or out-of-range values (a band outside [0, 1)), or an
 *   annual borrow rate without `periodsPerYear`.
 */
export function createCostModel(options: CostModelOptions = {}): CostModel {
  const commissionBps = checkBps('commissionBps', options.commissionBps ?? DEFAULT_COSTS.commissionBps, MAX_COST_BPS);
  const slippageBps = checkBps('slippageBps', options.slippageBps ?? DEFAULT_COSTS.slippageBps, MAX_COST_BPS);
  if (options.borrowBpsPerBar !== undefined && options.borrowBpsPerYear !== undefined) {
    throw new TradegymError('E_BAD_CONFIG', 'Give either borrowBpsPerBar or borrowBpsPerYear, not both.', {
      column: 'borrowBpsPerYear',
    });
  }
  let borrowBpsPerBar = checkBps('borrowBpsPerBar', options.borrowBpsPerBar ?? DEFAULT_COSTS.borrowBpsPerBar, 10_000);
  if (options.borrowBpsPerYear !== undefined) {
    const annual = checkBps('borrowBpsPerYear', options.borrowBpsPerYear, 1_000_000);
    borrowBpsPerBar = annual / checkPeriodsPerYear(options.periodsPerYear);
  }
  return { commissionBps, slippageBps, borrowBpsPerBar, rebalanceBand: checkBand(options.rebalanceBand ?? DEFAULT_COSTS.rebalanceBand) };
}

function checkBand(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `rebalanceBand is ${String(value)}; expected a fraction of equity in [0, 1), e.g. 0.05 (no trade while within 5 % of the target exposure).`,
      { column: 'rebalanceBand', value: String(value) },
    );
  }
  return value;
}

function checkBps(field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `${field} is ${String(value)}; expected a number of basis points in [0, ${max}] (1 bps = 0.01 %).`,
      { column: field, value: String(value) },
    );
  }
  return value;
}

function checkPeriodsPerYear(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `borrowBpsPerYear needs periodsPerYear (bars per year, e.g. 252 for daily bars); got ${String(value)}.`,
      { column: 'periodsPerYear', value: String(value) },
    );
  }
  return value;
}
