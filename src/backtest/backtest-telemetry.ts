import type { BarEvent, TelemetryListener } from '../core/telemetry.js';
import type { BacktestOptions, ResolvedBacktestOptions } from './backtest-options.js';
import type { BarSeries } from '../data/bar-series.js';
import type { Portfolio } from '../market/portfolio.js';
import type { Strategy } from './strategy.js';
import { RunningPerformance } from './running-performance.js';
import type { TradeRecord } from './trade-record.js';

/**
 * Builds and emits a backtest's live telemetry: one `bar` event per simulated bar, a `trade`
 * event per fill, and a `metrics` event every `metricsEveryBars` bars and on the last bar.
 * Only constructed when a listener is attached, so plain runs pay nothing.
 */
export class BacktestTelemetry {
  private readonly listener: TelemetryListener;
  private readonly runId: string;
  private readonly metricsEveryBars: number;
  private readonly performance: RunningPerformance;
  private bars = 0;

  constructor(listener: TelemetryListener, options: BacktestOptions, config: ResolvedBacktestOptions) {
    this.listener = listener;
    this.runId = options.runId ?? 'backtest';
    this.metricsEveryBars = Math.max(1, Math.floor(options.metricsEveryBars ?? 50));
    this.performance = new RunningPerformance(config.periodsPerYear);
    this.performance.reset(config.initialCash);
  }

  /** Emits the events of bar `barIndex` (just filled at its open and marked at its close). */
  afterBar(
    bars: BarSeries,
    portfolio: Portfolio,
    strategy: Strategy,
    step: { barIndex: number; action: number; trade: TradeRecord | undefined; last: boolean },
  ): void {
    const { barIndex, action, trade, last } = step;
    if (trade !== undefined) {
      this.listener({
        type: 'trade',
        runId: this.runId,
        barIndex,
        timestamp: trade.timestamp,
        side: trade.side,
        quantity: trade.quantity,
        price: trade.price,
        commission: trade.commission,
        positionAfter: trade.positionAfter,
      });
    }
    const outputs = strategy.decisionOutputs?.();
    const event: BarEvent = {
      type: 'bar',
      runId: this.runId,
      barIndex,
      timestamp: bars.timestamps[barIndex]!,
      open: bars.open[barIndex]!,
      high: bars.high[barIndex]!,
      low: bars.low[barIndex]!,
      close: bars.close[barIndex]!,
      volume: bars.volume[barIndex]!,
      action,
      probs: outputs?.probs ? Array.from(outputs.probs) : null,
      value: outputs?.value ?? null,
      position: portfolio.exposure,
      equity: portfolio.equity,
      drawdown: portfolio.drawdown,
      reward: null,
    };
    this.listener(event);
    this.performance.push(portfolio.equity);
    if (++this.bars % this.metricsEveryBars === 0 || last) this.emitMetrics(barIndex, portfolio.equity);
  }

  private emitMetrics(barIndex: number, equity: number): void {
    const p = this.performance;
    this.listener({
      type: 'metrics',
      runId: this.runId,
      barIndex,
      totalReturn: p.totalReturn,
      sharpe: p.sharpe,
      maxDrawdown: p.maxDrawdown,
      equity,
    });
  }
}
