import { describe, expect, it } from 'vitest';
import { downsideDeviation } from '../../src/metrics/downside-deviation.js';

describe('downsideDeviation', () => {
  it('averages squared shortfalls over ALL periods: √(0.001/4) for [0.02, −0.01, 0.03, −0.03]', () => {
    // min(r, 0)² = [0, 0.0001, 0, 0.0009]; Σ = 0.001; / n = 4 → 0.00025; √ = 0.0158113883
    // (averaging over the 2 negative periods only would give √0.0005 = 0.0223606798)
    expect(downsideDeviation([0.02, -0.01, 0.03, -0.03])).toBeCloseTo(0.015811388300841896, 15);
  });

  it('annualises by √P when periodsPerYear is given', () => {
    // 0.0158113883 · √252 = √(0.00025 · 252) = √0.063 = 0.2509980080
    expect(downsideDeviation([0.02, -0.01, 0.03, -0.03], { periodsPerYear: 252 })).toBeCloseTo(0.25099800796022265, 14);
  });

  it('measures shortfall below a required return', () => {
    // T = 0.02: r − T = [0, −0.03, 0.01, −0.05] → shortfalls² 0.0009 + 0.0025 = 0.0034; /4 → √0.00085
    expect(downsideDeviation([0.02, -0.01, 0.03, -0.03], { requiredReturn: 0.02 })).toBeCloseTo(Math.sqrt(0.00085), 15);
  });

  it('is 0 with no losing period and undefined for no data', () => {
    expect(downsideDeviation([0.01, 0, 0.02])).toBe(0);
    expect(downsideDeviation([])).toBeUndefined();
  });
});
