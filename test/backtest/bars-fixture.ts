import { createRng } from '../../src/core/rng.js';
import { type BarSeries, createBarSeries } from '../../src/data/bar-series.js';
import { StrategyContext } from '../../src/backtest/strategy-context.js';
import type { Strategy } from '../../src/backtest/strategy.js';

const DAY_MS = 86_400_000;

/** Daily bars from 2020-01-01 with the given opens and closes (high/low span both; volume 1000). */
export function barsFrom(opens: readonly number[], closes: readonly number[], symbol = 'TEST'): BarSeries {
  const n = closes.length;
  const open = Float64Array.from(opens);
  const close = Float64Array.from(closes);
  return createBarSeries({
    symbol,
    timestamps: Float64Array.from({ length: n }, (_, i) => Date.UTC(2020, 0, 1) + i * DAY_MS),
    open,
    high: open.map((o, i) => Math.max(o, close[i]!)),
    low: open.map((o, i) => Math.min(o, close[i]!)),
    close,
    volume: new Float64Array(n).fill(1000),
  });
}

/** Bars whose open equals the previous close (the first open equals the first close). */
export function barsFromCloses(closes: readonly number[], symbol = 'TEST'): BarSeries {
  return barsFrom(closes.map((_, i) => closes[Math.max(0, i - 1)]!), closes, symbol);
}

/** A seeded random walk of integer closes (exact sums), for property tests. */
export function integerWalk(n: number, seed: number, start = 1000): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  let price = start;
  for (let i = 0; i < n; i++) {
    price = Math.max(1, price + rng.intRange(-3, 3));
    out.push(price);
  }
  return out;
}

/** Runs a strategy's decisions for t = start … n − 2 outside any engine; returns them in order. */
export function decideAll(strategy: Strategy, bars: BarSeries, actionLevels: readonly number[], start = 0): number[] {
  const n = bars.close.length;
  const { context, cursor } = StrategyContext.create(bars);
  strategy.prepare({ actionLevels, start, end: n, rng: createRng(1), featureNames: [] });
  const actions: number[] = [];
  for (let t = start; t < n - 1; t++) {
    cursor.moveTo(t);
    actions.push(strategy.decide(context));
  }
  return actions;
}

/** A strategy that plays back `actions` (one per decision, in order), for engine tests. */
export function scriptedStrategy(actions: readonly number[], name = 'scripted'): Strategy {
  let i = 0;
  return {
    name,
    needsFeatures: false,
    prepare() {
      i = 0;
    },
    decide() {
      return actions[i++]!;
    },
  };
}

/** A strategy drawing uniform random actions from its setup RNG (determinism tests). */
export function randomStrategy(): Strategy {
  let draw: () => number = () => 0;
  return {
    name: 'random',
    needsFeatures: false,
    prepare(setup) {
      draw = () => setup.rng.int(setup.actionLevels.length);
    },
    decide() {
      return draw();
    },
  };
}
