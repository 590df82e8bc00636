import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { LONG_ONLY_ACTION_LEVELS } from '../../src/market/action-levels.js';
import { Portfolio } from '../../src/market/portfolio.js';

describe('Portfolio', () => {
  it('fills a hand-computed two-bar whole-share round trip with commission and slippage', () => {
    // cash 10 000, commission 10 bps (c = 0.001), slippage 10 bps (s = 0.001).
    const p = new Portfolio({ initialCash: 10_000, sizing: 'whole-shares', costs: { commissionBps: 10, slippageBps: 10 } });

    // Bar 1: target +1 at open 100. k = s + (1 + s)c = 0.001 + 1.001·0.001 = 0.002001;
    // cost-aware shares = 10 000 / (1 + 0.002001) / 100 = 99.80… → 99 whole shares.
    // Fill 100 · 1.001 = 100.1; traded value 99 · 100.1 = 9 909.9; commission 9.9099;
    // cash = 10 000 − 9 909.9 − 9.9099 = 80.1901.
    const f1 = p.rebalance(1, 100);
    expect(f1.fillPrice).toBeCloseTo(100.1, 12);
    expect(f1.tradedShares).toBe(99);
    expect(f1.tradedValue).toBeCloseTo(9_909.9, 9);
    expect(f1.commission).toBeCloseTo(9.9099, 9);
    expect(f1.slippage).toBeCloseTo(9.9, 9); // 99 · 100 · 0.001
    expect(p.cash).toBeCloseTo(80.1901, 9);
    // Close 102: equity = 80.1901 + 99 · 102 = 10 178.1901.
    p.markToMarket(102);
    expect(p.equity).toBeCloseTo(10_178.1901, 9);

    // Bar 2: target 0 at open 103. The gap 102 → 103 accrues to the 99 shares held (+99).
    // Sell 99 at 103 · 0.999 = 102.897: proceeds 10 186.803, commission 10.186803;
    // cash = 80.1901 + 10 186.803 = 10 266.9931, − 10.186803 = 10 256.806297.
    const f2 = p.rebalance(0, 103);
    expect(f2.fillPrice).toBeCloseTo(102.897, 12);
    expect(f2.tradedShares).toBe(-99);
    expect(f2.commission).toBeCloseTo(10.186803, 9);
    expect(p.shares).toBe(0);
    expect(p.cash).toBeCloseTo(10_256.806297, 9);
    // Close 101: flat, so equity = cash; it is a new peak, drawdown 0.
    p.markToMarket(101);
    expect(p.equity).toBeCloseTo(10_256.806297, 9);
    expect(p.peak).toBeCloseTo(10_256.806297, 9);
    expect(p.drawdown).toBe(0);
  });

  it('sizes fractional trades so the exposure at the open equals the target after costs, and charges borrow on the short', () => {
    // cash 100 000, c = 0.001, s = 0.0005, borrow 10 bps per bar (0.001).
    const p = new Portfolio({ initialCash: 100_000, costs: { commissionBps: 10, slippageBps: 5, borrowBpsPerBar: 10 } });

    // Bar 1: target +0.5 at open 50. Buying, k = 0.0005 + 1.0005·0.001 = 0.0015005;
    // notional = 0.5 · 100 000 / (1 + 0.5 · 0.0015005) = 50 000 / 1.00075025 = 49 962.5156226…
    // shares = 999.2503124…; fill 50.025; traded value = 49 987.4968805; commission 49.9874969;
    // cash = 100 000 − 49 987.4968805 − 49.9874969 = 49 962.5156226 (= the notional: exposure 0.5).
    p.rebalance(0.5, 50);
    expect(p.shares).toBeCloseTo(999.2503124531, 9);
    expect(p.fill.commission).toBeCloseTo(49.9874968805, 9);
    expect(p.cash).toBeCloseTo(49_962.5156226541, 8);
    expect(p.exposure).toBeCloseTo(0.5, 12);
    // Close 52: equity = 49 962.5156 + 999.2503 · 52 = 101 923.5318702; long ⇒ no borrow fee.
    p.markToMarket(52);
    expect(p.equity).toBeCloseTo(101_923.5318702144, 8);
    expect(p.fill.borrow).toBe(0);

    // Bar 2: target −1 at open 53. Equity at the open (gap to the old long) = 102 922.7821827.
    // Selling, k = 0.0005 + 0.9995·0.001 = 0.0014995; notional change
    // = (−102 922.7821827 − 999.2503 · 53) / (1 + (−1)(−1)·0.0014995) ⇒ shares −1 937.5355760;
    // sold 2 936.7858885 at 53 · 0.9995 = 52.9735; commission 155.5718273; cash 205 378.7710587.
    p.rebalance(-1, 53);
    expect(p.fill.fillPrice).toBeCloseTo(52.9735, 12);
    expect(p.shares).toBeCloseTo(-1_937.5355760256, 8);
    expect(p.fill.commission).toBeCloseTo(155.5718272633, 8);
    expect(p.cash).toBeCloseTo(205_378.7710587189, 7);
    expect(p.exposure).toBeCloseTo(-1, 12);
    // Close 51: borrow = 1 937.5355760 · 51 · 0.001 = 98.8143144;
    // equity = 205 378.7710587 − 98.8143144 − 1 937.5355760 · 51 = 106 465.6423670.
    p.markToMarket(51);
    expect(p.equity).toBeCloseTo(106_465.6423670334, 7);
    expect(p.fill.borrow).toBeCloseTo(98.8143143773, 8);
  });

  it('never lets cash go negative with whole-share sizing on long-only targets', () => {
    const rng = createRng(11);
    for (let run = 0; run < 20; run++) {
      const p = new Portfolio({
        initialCash: rng.uniformRange(500, 50_000),
        sizing: 'whole-shares',
        costs: { commissionBps: rng.uniformRange(0, 50), slippageBps: rng.uniformRange(0, 50) },
      });
      let price = rng.uniformRange(5, 500);
      for (let t = 0; t < 200; t++) {
        const target = LONG_ONLY_ACTION_LEVELS[rng.int(LONG_ONLY_ACTION_LEVELS.length)]!;
        price *= Math.exp(0.03 * rng.normal());
        p.rebalance(target, price);
        expect(p.cash).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(p.shares)).toBe(true);
        price *= Math.exp(0.02 * rng.normal());
        p.markToMarket(price);
        expect(p.cash).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('rounds whole-share shorts toward zero and keeps them whole', () => {
    const p = new Portfolio({ initialCash: 10_000, sizing: 'whole-shares', costs: { commissionBps: 0, slippageBps: 0 } });
    // −0.5 · 10 000 / 30 = −166.67 → −166 shares (never more short than asked).
    p.rebalance(-0.5, 30);
    expect(p.shares).toBe(-166);
    expect(p.cash).toBeCloseTo(10_000 + 166 * 30, 9);
  });

  it('charges the borrow fee only while short', () => {
    const p = new Portfolio({ initialCash: 1_000, costs: { commissionBps: 0, slippageBps: 0, borrowBpsPerBar: 100 } });
    p.rebalance(1, 10);
    p.markToMarket(10);
    expect(p.fill.borrow).toBe(0);
    expect(p.equity).toBeCloseTo(1_000, 9);
    p.rebalance(0, 10);
    p.markToMarket(10);
    expect(p.fill.borrow).toBe(0);
    p.rebalance(-1, 10); // −100 shares
    p.markToMarket(12); // fee 100 · 12 · 0.01 = 12; equity = 2 000 − 12 − 1 200 = 788
    expect(p.fill.borrow).toBeCloseTo(12, 9);
    expect(p.equity).toBeCloseTo(788, 9);
  });

  it('detects bankruptcy when a levered long loses more than its equity, then liquidates at the next open', () => {
    const p = new Portfolio({ initialCash: 1_000, costs: { commissionBps: 10, slippageBps: 10 } });
    p.rebalance(5, 100); // ≈ 5× long
    expect(p.bankrupt).toBe(false);
    p.markToMarket(75); // −25 % · 5 ⇒ equity ≈ −250
    expect(p.equity).toBeLessThanOrEqual(0);
    expect(p.bankrupt).toBe(true);
    expect(p.drawdown).toBe(1);
    expect(p.exposure).toBe(0);
    p.rebalance(1, 75); // equity ≤ 0 ⇒ forced to target 0
    expect(p.shares).toBe(0);
  });

  it('rejects a non-positive initial cash and an unknown sizing mode', () => {
    expect(() => new Portfolio({ initialCash: 0 })).toThrow(/initialCash/);
    // @ts-expect-error — runtime validation of a bad mode coming from JSON
    expect(() => new Portfolio({ sizing: 'lots' })).toThrow(/fractional, whole-shares/);
  });

  it('holding a constant full exposure never trades again (no floating-point dust fills)', () => {
    const p = new Portfolio({ initialCash: 100_000, costs: { commissionBps: 5, slippageBps: 5 } });
    const prices = [100, 101.37, 99.02, 103.3, 97.71, 104.9, 100.01];
    expect(p.rebalance(1, prices[0]!).tradedShares).not.toBe(0);
    p.markToMarket(prices[0]!);
    const shares = p.shares;
    for (const price of prices.slice(1)) {
      const fill = p.rebalance(1, price);
      expect(fill.tradedShares).toBe(0);
      expect(fill.commission).toBe(0);
      p.markToMarket(price * 1.01);
    }
    expect(p.shares).toBe(shares);
    // A real change of target still trades.
    expect(p.rebalance(0.5, 100).tradedShares).toBeLessThan(0);
  });

  it('with a rebalance band, holds a drifting non-zero target until it leaves the band, then trades back to it exactly', () => {
    const banded = new Portfolio({ initialCash: 100_000, costs: { commissionBps: 5, slippageBps: 5, rebalanceBand: 0.05 } });
    const exact = new Portfolio({ initialCash: 100_000, costs: { commissionBps: 5, slippageBps: 5 } });
    const exposureAt = (p: Portfolio, open: number) => (p.shares * open) / (p.cash + p.shares * open);
    let bandedTrades = 0;
    let exactTrades = 0;
    // a half-exposure long through a steady rise: the exposure drifts up by ≈ 0.25 · r per bar
    for (let t = 0; t < 30; t++) {
      const open = 100 * 1.01 ** t;
      const before = exposureAt(banded, open);
      const fill = banded.rebalance(0.5, open);
      if (fill.tradedShares !== 0) {
        bandedTrades++;
        if (t > 0) expect(Math.abs(before - 0.5)).toBeGreaterThanOrEqual(0.05);
        expect(exposureAt(banded, open)).toBeCloseTo(0.5, 12);
      } else {
        expect(Math.abs(before - 0.5)).toBeLessThan(0.05);
      }
      if (exact.rebalance(0.5, open).tradedShares !== 0) exactTrades++;
      banded.markToMarket(open * 1.005);
      exact.markToMarket(open * 1.005);
    }
    expect(exactTrades).toBe(30); // re-targets the drift every bar
    expect(bandedTrades).toBeGreaterThan(1);
    expect(bandedTrades).toBeLessThan(10);
    // a target of 0 always goes flat, however small the position
    expect(banded.rebalance(0, 130).tradedShares).toBeLessThan(0);
    expect(banded.shares).toBe(0);
    // and a new target outside the band trades at once
    expect(banded.rebalance(0.5, 130).tradedShares).toBeGreaterThan(0);
  });
});
