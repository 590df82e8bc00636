import { describe, expect, it } from 'vitest';
import { sharpeRatio } from '../../src/metrics/sharpe-ratio.js';

describe('sharpeRatio', () => {
  it('reports 0.5·√252 for returns [0.01, 0.03, −0.01]', () => {
    // mean = 0.03/3 = 0.01; deviations 0, 0.02, −0.02; Σ² = 0.0008; /(3 − 1) = 0.0004; std = 0.02
    // Sharpe = 0.01 / 0.02 · √252 = 0.5 · 15.8745078664 = 7.9372539332
    expect(sharpeRatio([0.01, 0.03, -0.01], { periodsPerYear: 252 })).toBeCloseTo(7.937253933193772, 12);
  });

  it('subtracts a per-period risk-free rate', () => {
    // excess = [0.005, 0.025, −0.015]: mean 0.005, std still 0.02 → 0.25·√252 = 3.9686269666
    expect(sharpeRatio([0.01, 0.03, -0.01], { riskFreePerPeriod: 0.005 })).toBeCloseTo(3.968626966596886, 12);
  });

  it('is undefined, never NaN or ∞, for zero volatility or fewer than two returns', () => {
    expect(sharpeRatio([0.1, 0.1, 0.1])).toBeUndefined();
    expect(sharpeRatio([0, 0])).toBeUndefined();
    expect(sharpeRatio([0.01])).toBeUndefined();
  });
});
