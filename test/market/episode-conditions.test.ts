import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { checkEpisodeConditionRanges, sampleEpisodeConditions } from '../../src/market/episode-conditions.js';

const base = { commissionBps: 5, slippageBps: 5, episodeLength: 256 };

describe('sampleEpisodeConditions (domain randomisation)', () => {
  it('keeps the base conditions when no range is given', () => {
    expect(sampleEpisodeConditions({}, base, createRng(1))).toEqual({ commissionBps: 5, slippageBps: 5, volatilityScale: 1, regimeQuantiles: [0, 1], episodeLength: 256 });
  });

  it('draws costs uniformly and the volatility scale log-uniformly inside their ranges, reproducibly', () => {
    const ranges = { commissionBps: [2, 20], slippageBps: [0, 10], volatilityScale: [0.5, 2] } as const;
    const rng = createRng(7);
    const draws = Array.from({ length: 4000 }, () => sampleEpisodeConditions(ranges, base, rng));
    for (const d of draws) {
      expect(d.commissionBps).toBeGreaterThanOrEqual(2);
      expect(d.commissionBps).toBeLessThanOrEqual(20);
      expect(d.volatilityScale).toBeGreaterThanOrEqual(0.5);
      expect(d.volatilityScale).toBeLessThanOrEqual(2);
    }
    const meanCommission = draws.reduce((s, d) => s + d.commissionBps, 0) / draws.length;
    expect(meanCommission).toBeCloseTo(11, 0);
    const below1 = draws.filter((d) => d.volatilityScale < 1).length / draws.length;
    expect(below1).toBeGreaterThan(0.46); // log-uniform: half the mass on each side of 1
    expect(below1).toBeLessThan(0.54);
    const again = createRng(7);
    expect(sampleEpisodeConditions(ranges, base, again)).toEqual(draws[0]);
  });

  it('draws costs the same whether or not a volatility range is added', () => {
    const a = sampleEpisodeConditions({ commissionBps: [0, 10] }, base, createRng(3));
    const b = sampleEpisodeConditions({ commissionBps: [0, 10], volatilityScale: [0.8, 1.2] }, base, createRng(3));
    expect(b.commissionBps).toBe(a.commissionBps);
  });

  it('rejects inverted or out-of-range intervals with E_BAD_CONFIG naming the field', () => {
    for (const ranges of [{ commissionBps: [10, 2] }, { slippageBps: [0, 900] }, { volatilityScale: [0, 2] }, { regimeQuantiles: [0, 1.5] }, { episodeLength: 1 }]) {
      try {
        checkEpisodeConditionRanges(ranges as never, 'spec robustness');
        expect.unreachable();
      } catch (e) {
        expect(isTradegymError(e, 'E_BAD_CONFIG')).toBe(true);
        expect((e as Error).message).toContain(Object.keys(ranges)[0]!);
      }
    }
  });
});
