import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { parseIntervalMs, parseMarketSource, parseSignal } from '../../src/runs/market-source.js';

describe('parseMarketSource', () => {
  it('reads synthetic specs into generator options', () => {
    expect(parseMarketSource('synthetic:seed=7,bars=3000,signal=mean-reversion:0.2,interval=1h,vol=0.01,symbol=X')).toEqual({
      kind: 'synthetic',
      seed: 7,
      label: 'synthetic:seed=7,bars=3000,signal=mean-reversion:0.2,interval=1h,vol=0.01,symbol=X',
      options: { bars: 3000, symbol: 'X', signal: { kind: 'mean-reversion', strength: 0.2 }, intervalMs: 3_600_000, volatilityPerBar: 0.01 },
    });
  });

  it('reads committed samples by name with their seed', () => {
    const source = parseMarketSource('sample:momentum-daily');
    expect(source).toMatchObject({ kind: 'synthetic', seed: 1002, label: 'sample:momentum-daily' });
  });

  it('treats anything else as a CSV path', () => {
    expect(parseMarketSource('data/x.csv')).toEqual({ kind: 'csv', path: 'data/x.csv', label: 'data/x.csv' });
  });

  it('rejects bad specs naming the problem and the syntax', () => {
    const cases = ['synthetic:bars=100', 'synthetic:seed=1,bars=100,colour=red', 'sample:nope', 'synthetic:seed=1,bars=10,kind=garch'];
    for (const text of cases) {
      let error: unknown;
      try {
        parseMarketSource(text);
      } catch (e) {
        error = e;
      }
      expect(isTradegymError(error, 'E_BAD_ARGUMENT'), text).toBe(true);
      expect((error as Error).message).toContain(text.startsWith('sample') ? 'samples:' : 'synthetic:seed=<n>');
    }
  });

  it('parses intervals and signals', () => {
    expect(parseIntervalMs('15m')).toBe(900_000);
    expect(() => parseIntervalMs('1w')).toThrow(/1d, 4h, 15m or 30s/);
    expect(parseSignal('momentum:0.25')).toEqual({ kind: 'momentum', strength: 0.25 });
    expect(() => parseSignal('momentum:1.5')).toThrow(/\[0, 1\)/);
  });
});
