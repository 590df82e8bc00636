import { describe, expect, it } from 'vitest';
import { buyAndHold, BUY_AND_HOLD } from '../../strategies/buy-and-hold.js';
import { createRuleStrategy, RULE_STRATEGIES } from '../../strategies/rule-strategies.js';
import { barsFromCloses, decideAll } from '../backtest/bars-fixture.js';

describe('buyAndHold', () => {
  it('targets the all-in level on every bar', () => {
    const bars = barsFromCloses([1, 2, 3, 2]);
    expect(decideAll(buyAndHold(), bars, [-1, -0.5, 0, 0.5, 1])).toEqual([4, 4, 4]);
    expect(decideAll(buyAndHold(), bars, [0, 0.5])).toEqual([1, 1, 1]);
  });

  it('refuses levels without a long exposure and any params', () => {
    expect(() => decideAll(buyAndHold(), barsFromCloses([1, 2]), [-1, 0])).toThrow(/no level above the flat one/);
    expect(() => BUY_AND_HOLD.create({ size: 1 })).toThrow(/unknown field 'size'/);
  });
});

describe('createRuleStrategy', () => {
  it('builds each registered strategy with defaults', () => {
    expect(RULE_STRATEGIES.map((d) => createRuleStrategy(d.name, undefined).name)).toEqual([
      'buy-and-hold',
      'sma-crossover(10,30)',
      'rsi-mean-reversion(14,30,70)',
    ]);
  });

  it('names the valid strategies for an unknown name, and the field path for bad params', () => {
    expect(() => createRuleStrategy('sma', {}, 'demo.json strategies[0]')).toThrow(
      /demo.json strategies\[0\]: unknown strategy "sma"; valid names: buy-and-hold, sma-crossover, rsi-mean-reversion/,
    );
    expect(() => createRuleStrategy('sma-crossover', { fast: 'x' }, 'demo.json strategies[1]')).toThrow(
      /demo.json strategies\[1\] sma-crossover params is invalid:\n {2}- fast: expected integer/,
    );
  });
});
