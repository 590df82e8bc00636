import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import type { TelemetryEvent } from '../../src/core/telemetry.js';
import { BacktestSession } from '../../src/backtest/backtest-session.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import type { Strategy } from '../../src/backtest/strategy.js';
import { smaCrossover } from '../../strategies/sma-crossover.js';
import { buyAndHold } from '../../strategies/buy-and-hold.js';
import { barsFrom, barsFromCloses, integerWalk, randomStrategy, scriptedStrategy } from './bars-fixture.js';

const costs = { commissionBps: 10, slippageBps: 20 };

describe('runBacktest', () => {
  it('fills a hand-computed 3-bar round trip at the next opens with slippage and commission', () => {
    const bars = barsFrom([100, 102, 99], [101, 104, 98]);
    const result = runBacktest({
      bars,
      strategy: scriptedStrategy([1, 0]),
      actionLevels: [0, 1],
      costs,
      initialCash: 10_000,
    });
    // Buy at open 102: cost-aware notional N = 10000 / (1 + s + (1 + s)·c) = 10000 / 1.003002 at the open price.
    const shares = 10_000 / 1.003002 / 102;
    const buyPrice = 102 * 1.002;
    const sellPrice = 99 * 0.998;
    expect(result.equity[0]).toBe(10_000);
    expect(result.equity[1]).toBeCloseTo(shares * 104, 8); // cash after the buy is 0
    expect(result.equity[2]).toBeCloseTo(shares * sellPrice * (1 - 0.001), 8);
    expect([...result.actions]).toEqual([1, 0]);
    expect([...result.positions]).toEqual([1, 0]);
    expect(result.trades).toHaveLength(2);
    const [buy, sell] = result.trades;
    expect(buy).toMatchObject({ barIndex: 1, side: 'buy', openPrice: 102 });
    expect(buy!.quantity).toBeCloseTo(shares, 10);
    expect(buy!.price).toBeCloseTo(buyPrice, 12);
    expect(buy!.commission).toBeCloseTo(shares * buyPrice * 0.001, 10);
    expect(buy!.slippage).toBeCloseTo(shares * 102 * 0.002, 10);
    expect(sell).toMatchObject({ barIndex: 2, side: 'sell', openPrice: 99, positionAfter: 0 });
    expect(sell!.price).toBeCloseTo(sellPrice, 12);
    expect(result.costs.commission).toBeCloseTo(shares * (buyPrice + sellPrice) * 0.001, 8);
    expect(result.finalEquity).toBe(result.equity[2]);
    expect(result.metrics.totalReturn).toBeCloseTo(result.equity[2]! / 10_000 - 1, 12);
    expect(result.metrics.tradeCount).toBe(2);
  });

  it('keeps cash ≥ 0 and holds whole shares with whole-share sizing', () => {
    const bars = barsFromCloses(integerWalk(400, 5, 97));
    const session = new BacktestSession({
      bars,
      strategy: randomStrategy(),
      actionLevels: [0, 0.5, 1],
      costs,
      sizing: 'whole-shares',
      initialCash: 10_000,
      seed: 3,
    });
    let buys = 0;
    while (session.step()) {
      expect(session.portfolio.cash).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(session.portfolio.shares)).toBe(true);
      buys += session.portfolio.fill.tradedShares > 0 ? 1 : 0;
    }
    expect(buys).toBeGreaterThan(20);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const bars = barsFromCloses(integerWalk(300, 9));
    const run = (seed: number) => runBacktest({ bars, strategy: randomStrategy(), costs, seed });
    expect([...run(4).equity]).toEqual([...run(4).equity]);
    expect(run(4).trades).toEqual(run(4).trades);
    expect([...run(4).actions]).not.toEqual([...run(5).actions]);
  });

  it('gives the same result stepped bar by bar as in one run', () => {
    const bars = barsFromCloses(integerWalk(500, 2));
    const whole = runBacktest({ bars, strategy: smaCrossover({ fast: 5, slow: 20 }), costs });
    const session = new BacktestSession({ bars, strategy: smaCrossover({ fast: 5, slow: 20 }), costs });
    session.run(100);
    expect(session.barIndex).toBe(100);
    while (session.step());
    expect(session.step()).toBe(false);
    const stepped = session.result();
    const fresh = new BacktestSession({ bars, strategy: smaCrossover({ fast: 5, slow: 20 }) }).result();
    expect([...fresh.equity]).toEqual([100_000]);
    expect(fresh.metrics.sharpe).toBeUndefined();
    expect([...stepped.equity]).toEqual([...whole.equity]);
    expect(stepped.metrics).toEqual(whole.metrics);
  });

  it('lists one trade for buy & hold (no dust re-trades) and uses the requested range', () => {
    const bars = barsFromCloses(integerWalk(300, 8));
    const result = runBacktest({ bars, strategy: buyAndHold(), range: { start: 50, end: 250 } });
    expect(result.trades).toHaveLength(1);
    expect(result.trades[0]!.barIndex).toBe(51);
    expect(result.equity).toHaveLength(200);
    expect(result.timestamps[0]).toBe(bars.timestamps[50]);
    expect(result.close[199]).toBe(bars.close[249]);
    // Fully invested from bar 51's open: equity tracks the close.
    expect(result.equity[199]! / result.equity[1]!).toBeCloseTo(bars.close[249]! / bars.close[51]!, 10);
  });

  it('a rebalance band cuts the drift re-trades of a half-exposure hold to a few, and the commission they pay', () => {
    const bars = barsFromCloses(integerWalk(400, 3));
    const half = scriptedStrategy(new Array<number>(399).fill(1));
    const run = (rebalanceBand?: number) =>
      runBacktest({ bars, strategy: half, actionLevels: [0, 0.5], costs: { ...costs, ...(rebalanceBand !== undefined && { rebalanceBand }) } });
    const exact = run();
    const banded = run(0.05);
    expect(exact.trades.length).toBeGreaterThan(300); // every bar re-targets the drift
    expect(banded.trades.length).toBeGreaterThanOrEqual(1);
    expect(banded.trades.length).toBeLessThan(exact.trades.length / 10);
    for (const trade of banded.trades.slice(1)) expect(Math.abs(trade.positionBefore - 0.5)).toBeGreaterThanOrEqual(0.05 - 1e-12);
    const commission = (r: typeof exact) => r.trades.reduce((sum, t) => sum + t.commission, 0);
    expect(commission(banded)).toBeLessThan(commission(exact));
  });

  it('makes reading a future bar from a strategy fail with E_LOOKAHEAD', () => {
    const peeker: Strategy = {
      name: 'peeker',
      needsFeatures: false,
      prepare() {},
      decide: (ctx) => (ctx.close(ctx.barIndex + 1) > ctx.close(ctx.barIndex) ? 1 : 0),
    };
    let error: unknown;
    try {
      runBacktest({ bars: barsFromCloses([1, 2, 3]), strategy: peeker, actionLevels: [0, 1] });
    } catch (e) {
      error = e;
    }
    expect(isTradegymError(error, 'E_LOOKAHEAD')).toBe(true);
  });

  it('decisions up to t do not change when the bars after t change', () => {
    const closes = integerWalk(600, 12);
    const cut = 350;
    const perturbed = closes.map((c, i) => (i > cut ? c * 3 + (i % 7) : c));
    for (const make of [() => smaCrossover({ fast: 4, slow: 15 }), buyAndHold]) {
      const a = runBacktest({ bars: barsFromCloses(closes), strategy: make() });
      const b = runBacktest({ bars: barsFromCloses(perturbed), strategy: make() });
      expect([...b.actions.subarray(0, cut + 1)]).toEqual([...a.actions.subarray(0, cut + 1)]);
    }
  });

  it('stops at bankruptcy and still reports metrics', () => {
    const bars = barsFromCloses([100, 100, 100, 40, 30, 20]);
    const result = runBacktest({ bars, strategy: scriptedStrategy([1, 1, 1, 1, 1]), actionLevels: [0, 5], costs: { commissionBps: 0, slippageBps: 0 } });
    expect(result.bankrupt).toBe(true);
    expect(result.end).toBe(4);
    expect(result.equity).toHaveLength(4);
    expect(result.finalEquity).toBeLessThanOrEqual(0);
    expect(result.metrics.totalReturn).toBeLessThan(-1);
  });

  it('rejects bad actions, ranges and missing features with the fix in the message', () => {
    const bars = barsFromCloses([1, 2, 3, 4]);
    expect(() => runBacktest({ bars, strategy: scriptedStrategy([7]) })).toThrow(/returned action 7 at bar 0; expected an integer index in \[0, 5\)/);
    expect(() => runBacktest({ bars, strategy: buyAndHold(), range: { start: 2, end: 9 } })).toThrow(/range \[2, 9\)/);
    const needy: Strategy = { ...buyAndHold(), needsFeatures: true, name: 'needy' };
    expect(() => runBacktest({ bars, strategy: needy })).toThrow(/needy reads features/);
  });

  it('emits bar, trade and metrics events that agree with the result', () => {
    const bars = barsFromCloses(integerWalk(240, 21));
    const events: TelemetryEvent[] = [];
    const result = runBacktest({ bars, strategy: smaCrossover({ fast: 3, slow: 10 }), costs, onEvent: (e) => events.push(e), runId: 'r1', metricsEveryBars: 100 });
    const barEvents = events.filter((e) => e.type === 'bar');
    const tradeEvents = events.filter((e) => e.type === 'trade');
    const metricsEvents = events.filter((e) => e.type === 'metrics');
    expect(barEvents).toHaveLength(result.equity.length - 1);
    expect(barEvents.map((e) => e.equity)).toEqual([...result.equity.subarray(1)]);
    expect(barEvents.every((e) => e.runId === 'r1')).toBe(true);
    expect(tradeEvents.map((e) => e.barIndex)).toEqual(result.trades.map((t) => t.barIndex));
    expect(metricsEvents.map((e) => e.barIndex)).toEqual([100, 200, 239]);
    const last = metricsEvents.at(-1)!;
    expect(last.equity).toBe(result.finalEquity);
    expect(last.sharpe!).toBeCloseTo(result.metrics.sharpe!, 9);
    expect(last.maxDrawdown).toBeCloseTo(result.metrics.maxDrawdown!.depth, 12);
  });
});
