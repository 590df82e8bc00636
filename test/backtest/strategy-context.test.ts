import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { StrategyContext } from '../../src/backtest/strategy-context.js';
import { barsFromCloses } from './bars-fixture.js';

const bars = barsFromCloses([10, 11, 12, 13, 14]);

function expectLookahead(fn: () => unknown): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(isTradegymError(error, 'E_LOOKAHEAD')).toBe(true);
}

describe('StrategyContext', () => {
  it('shows bars 0 … t and refuses t + 1, negative and fractional indices', () => {
    const { context, cursor } = StrategyContext.create(bars);
    cursor.moveTo(2);
    expect(context.barIndex).toBe(2);
    expect([0, 1, 2].map((i) => context.close(i))).toEqual([10, 11, 12]);
    expect(context.open(2)).toBe(11);
    for (const read of [context.close, context.open, context.high, context.low, context.volume, context.timestamp]) {
      expectLookahead(() => read.call(context, 3));
    }
    expectLookahead(() => context.close(-1));
    expectLookahead(() => context.close(1.5));
    cursor.moveTo(3);
    expect(context.close(3)).toBe(13);
  });

  it('exposes no property through which later bars could be read', () => {
    const { context, cursor } = StrategyContext.create(bars);
    cursor.moveTo(1);
    expect(Reflect.ownKeys(context)).toEqual([]);
    expect(JSON.stringify(context)).toBe('{}');
    const prototypeKeys = Reflect.ownKeys(Object.getPrototypeOf(context));
    expect(prototypeKeys).not.toContain('moveTo');
    expect(prototypeKeys.some((k) => typeof k === 'string' && /bars|series|values/i.test(k))).toBe(false);
  });

  it('copies feature rows ≤ t, refuses later and warm-up rows, and errors without features', () => {
    const features: FeatureMatrix = {
      names: ['a', 'b'],
      dim: 2,
      rows: 5,
      values: Float32Array.from([0, 0, 1, 2, 3, 4, 5, 6, 7, 8]),
      firstValidIndex: 1,
    };
    const { context, cursor } = StrategyContext.create(bars, features);
    cursor.moveTo(2);
    const out = new Float32Array(3);
    context.copyFeatureRow(2, out, 1);
    expect([...out]).toEqual([0, 3, 4]);
    out[1] = 99;
    expect(context.feature(2, 0)).toBe(3);
    expect(context.featureNames).toEqual(['a', 'b']);
    expectLookahead(() => context.feature(3, 0));
    expectLookahead(() => context.copyFeatureRow(4, out));
    expect(() => context.feature(0, 0)).toThrow(/warm-up/);
    expect(() => context.feature(2, 2)).toThrow(/out of range/);
    const bare = StrategyContext.create(bars);
    bare.cursor.moveTo(2);
    expect(() => bare.context.feature(2, 0)).toThrow(/needsFeatures/);
  });

  it('reports the account state the cursor sets', () => {
    const { context, cursor } = StrategyContext.create(bars);
    cursor.setAccount(0.5, 101_000, 0.02);
    expect([context.position, context.equity, context.drawdown]).toEqual([0.5, 101_000, 0.02]);
  });
});
