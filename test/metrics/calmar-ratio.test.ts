import { describe, expect, it } from 'vitest';
import { calmarRatio } from '../../src/metrics/calmar-ratio.js';

describe('calmarRatio', () => {
  it('reports 3.5 for returns [−0.1, 0.5] at 2 periods per year', () => {
    // Π = 0.9·1.5 = 1.35 over n = 2 = one year → CAGR = 1.35^(2/2) − 1 = 0.35
    // equity [1, 0.9, 1.35]: MDD = 0.1 → Calmar = 0.35 / 0.1 = 3.5
    expect(calmarRatio([-0.1, 0.5], 2)).toBeCloseTo(3.5, 12);
  });

  it('is undefined without a drawdown or without data', () => {
    expect(calmarRatio([0.1, 0.2], 252)).toBeUndefined();
    expect(calmarRatio([], 252)).toBeUndefined();
  });
});
