import { TradegymError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import { Portfolio } from '../market/portfolio.js';
import { summarizeEquity } from '../metrics/summarize-equity.js';
import { type BacktestOptions, resolveBacktestOptions, type ResolvedBacktestOptions } from './backtest-options.js';
import type { BacktestResult } from './backtest-result.js';
import { BacktestTelemetry } from './backtest-telemetry.js';
import { precomputeFeatureRows } from './precompute-feature-rows.js';
import type { Strategy } from './strategy.js';
import { type ContextCursor, StrategyContext } from './strategy-context.js';
import type { TradeRecord } from './trade-record.js';

/**
 * A backtest that advances one bar per `step()`, so a server can replay it at any speed,
 * pause and resume; `run()` drives the same step in a tight loop.
 *
 * Step at bar t (start ≤ t ≤ end − 2): the strategy decides on t's close through a causal
 * context → the shared `Portfolio` rebalances to the chosen level at open[t+1] (slippage,
 * commission) → marks to market at close[t+1] (borrow on shorts) → the context moves to t+1.
 * Identical fills to `TradingEnv`. The loop allocates nothing per bar except trade records
 * (and telemetry events when a listener is attached). The run stops early if equity ≤ 0.
 */
export class BacktestSession {
  readonly strategy: Strategy;
  readonly bars: BarSeries;
  readonly portfolio: Portfolio;
  readonly #config: ResolvedBacktestOptions;
  readonly #context: StrategyContext;
  readonly #cursor: ContextCursor;
  readonly #telemetry: BacktestTelemetry | undefined;
  readonly #equity: Float64Array;
  readonly #actions: Int32Array;
  readonly #positions: Float64Array;
  readonly #trades: TradeRecord[] = [];
  #t: number;
  #end: number;
  #borrow = 0;

  constructor(options: BacktestOptions) {
    const config = resolveBacktestOptions(options);
    this.#config = config;
    this.strategy = options.strategy;
    this.bars = options.bars;
    const costs = options.costs ?? {};
    this.portfolio = new Portfolio({
      initialCash: config.initialCash,
      sizing: options.sizing,
      costs: costs.borrowBpsPerYear === undefined ? costs : { ...costs, periodsPerYear: costs.periodsPerYear ?? config.periodsPerYear },
    });
    const points = config.end - config.start;
    this.#equity = new Float64Array(points);
    this.#equity[0] = config.initialCash;
    this.#actions = new Int32Array(points - 1);
    this.#positions = new Float64Array(points - 1);
    this.#t = config.start;
    this.#end = config.end;
    ({ context: this.#context, cursor: this.#cursor } = StrategyContext.create(options.bars, options.features));
    this.#cursor.moveTo(config.start);
    this.#cursor.setAccount(0, config.initialCash, 0);
    this.#telemetry = options.onEvent && new BacktestTelemetry(options.onEvent, options, config);
    const seed = options.seed ?? 0;
    this.strategy.prepare({
      actionLevels: [...config.levels],
      start: config.start,
      end: config.end,
      rng: createRng(seed).fork('strategy'),
      featureNames: options.features?.names ?? [],
    });
    if (options.features !== undefined) precomputeFeatureRows(this.strategy, options.features, config.start, config.end - 1);
  }

  /** The latest bar whose close has been simulated. */
  get barIndex(): number {
    return this.#t;
  }

  /** True once the last bar (or a bankruptcy) has been reached. */
  get done(): boolean {
    return this.#t >= this.#end - 1;
  }

  /** Decisions still to take. */
  get remainingSteps(): number {
    return Math.max(0, this.#end - 1 - this.#t);
  }

  /** Simulates one bar; returns false (doing nothing) when the run is done. */
  step(): boolean {
    if (this.done) return false;
    this.#advance();
    return true;
  }

  /** Simulates up to `maxSteps` bars (default: to the end); returns how many were simulated. */
  run(maxSteps = Infinity): number {
    let steps = 0;
    while (steps < maxSteps && !this.done) {
      this.#advance();
      steps++;
    }
    return steps;
  }

  /** Metrics and arrays of the bars simulated so far (complete once `done`). */
  result(): BacktestResult {
    const { start, levels, initialCash, periodsPerYear, periodsPerYearSource } = this.#config;
    const points = this.#t - start + 1;
    const equity = this.#equity.subarray(0, points);
    const positions = this.#positions.subarray(0, points - 1);
    const timestamps = this.bars.timestamps.subarray(start, this.#t + 1);
    let commission = 0;
    let slippage = 0;
    for (const trade of this.#trades) {
      commission += trade.commission;
      slippage += trade.slippage;
    }
    return {
      strategyName: this.strategy.name,
      symbol: this.bars.symbol,
      start,
      end: this.#t + 1,
      initialCash,
      actionLevels: [...levels],
      timestamps,
      close: this.bars.close.subarray(start, this.#t + 1),
      equity,
      actions: this.#actions.subarray(0, points - 1),
      positions,
      trades: this.#trades,
      metrics: { ...summarizeEquity(equity, { periodsPerYear, positions }), periodsPerYearSource },
      finalEquity: equity[points - 1]!,
      costs: { commission, slippage, borrow: this.#borrow },
      bankrupt: this.portfolio.bankrupt,
    };
  }

  #advance(): void {
    const t = this.#t;
    const action = this.strategy.decide(this.#context);
    const levels = this.#config.levels;
    if (!((action | 0) === action && action >= 0 && action < levels.length)) throw this.#badAction(action);
    const pf = this.portfolio;
    const positionBefore = pf.exposure;
    const target = levels[action]!;
    const fill = pf.rebalance(target, this.bars.open[t + 1]!);
    let trade: TradeRecord | undefined;
    if (fill.tradedShares !== 0) trade = this.#recordTrade(t + 1, positionBefore); // no dust: see DUST_NOTIONAL_FRACTION
    pf.markToMarket(this.bars.close[t + 1]!);
    const equity = pf.equity;
    this.#borrow += fill.borrow;
    const k = t - this.#config.start;
    this.#actions[k] = action;
    this.#positions[k] = target;
    this.#equity[k + 1] = equity;
    this.#t = t + 1;
    this.#cursor.moveTo(t + 1);
    this.#cursor.setAccount(pf.exposure, equity, pf.drawdown);
    if (pf.bankrupt) this.#end = t + 2;
    this.#telemetry?.afterBar(this.bars, pf, this.strategy, { barIndex: t + 1, action, trade, last: this.done });
  }

  #recordTrade(barIndex: number, positionBefore: number): TradeRecord {
    const pf = this.portfolio;
    const fill = pf.fill;
    const trade: TradeRecord = {
      barIndex,
      timestamp: this.bars.timestamps[barIndex]!,
      side: fill.tradedShares > 0 ? 'buy' : 'sell',
      quantity: Math.abs(fill.tradedShares),
      openPrice: fill.openPrice,
      price: fill.fillPrice,
      notional: fill.tradedValue,
      commission: fill.commission,
      slippage: fill.slippage,
      positionBefore,
      positionAfter: pf.exposure,
      equityAfter: pf.equity,
    };
    this.#trades.push(trade);
    return trade;
  }

  #badAction(action: number): TradegymError {
    return new TradegymError(
      'E_BAD_ARGUMENT',
      `strategy ${this.strategy.name} returned action ${action} at bar ${this.#t}; expected an integer index in ` +
        `[0, ${this.#config.levels.length}) into the action levels [${[...this.#config.levels].join(', ')}]`,
      { value: String(action) },
    );
  }
}
