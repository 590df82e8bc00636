/**
 * Alignment of every raw indicator column: each technicalindicators output must sit at the bar it
 * was computed from. Checked against straightforward reference computations written here from the
 * textbook definitions, at the first defined bar, the next one, one in the middle and the last.
 */
import { ADX } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { featureCatalog } from '../../src/features/feature-catalog.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/features/feature-config.js';
import { rawFeatureColumns } from '../../src/features/raw-feature-columns.js';
import { gbmBars } from './gbm-bars.js';

const N = 300;
const s = gbmBars(createRng(21), N);
const catalog = featureCatalog(DEFAULT_FEATURE_CONFIG);
const raw = rawFeatureColumns(s, DEFAULT_FEATURE_CONFIG, catalog);
const { high: H, low: L, close: C, volume: V } = s;

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const win = (col: Float64Array, t: number, w: number) => Array.from(col.subarray(t - w + 1, t + 1));
const at = (first: number) => [first, first + 1, 137, N - 1];

/** EMA seeded with the SMA of the first p defined values (the convention of technicalindicators). */
function ema(xs: number[], p: number, from: number): number[] {
  const out: number[] = [];
  out[from + p - 1] = mean(xs.slice(from, from + p));
  for (let t = from + p; t < xs.length; t++) out[t] = (xs[t]! - out[t - 1]!) * (2 / (p + 1)) + out[t - 1]!;
  return out;
}

/** Wilder average (seed = mean of the first p values of x[1..], then (prev·(p − 1) + x) / p). */
function wilder(xs: number[], p: number): number[] {
  const out: number[] = [];
  out[p] = mean(xs.slice(1, p + 1));
  for (let t = p + 1; t < xs.length; t++) out[t] = (out[t - 1]! * (p - 1) + xs[t]!) / p;
  return out;
}

describe('rawFeatureColumns alignment', () => {
  it('every column is undefined before its catalog warm-up and defined from it', () => {
    for (const f of catalog) {
      if (f.rawWarmupBars > 0) expect(raw[f.key][f.rawWarmupBars - 1], f.name).toBeNaN();
      expect(Number.isFinite(raw[f.key][f.rawWarmupBars]!), f.name).toBe(true);
    }
  });

  it('log returns and realised volatility', () => {
    for (const t of at(20)) {
      expect(raw.logReturnMid[t]).toBeCloseTo(Math.log(C[t]! / C[t - 5]!), 14);
      expect(raw.logReturnLong[t]).toBeCloseTo(Math.log(C[t]! / C[t - 20]!), 14);
      const r2 = range(t - 19, t).map((i) => Math.log(C[i]! / C[i - 1]!) ** 2);
      expect(raw.realizedVol[t]).toBeCloseTo(Math.sqrt(mean(r2)), 14);
    }
  });

  it('SMA 10 / SMA 50 − 1', () => {
    for (const t of at(49)) expect(raw.smaRatio[t]).toBeCloseTo(mean(win(C, t, 10)) / mean(win(C, t, 50)) - 1, 13);
  });

  it('Williams %R over 50 bars', () => {
    for (const t of at(49)) {
      const hh = Math.max(...win(H, t, 50));
      const ll = Math.min(...win(L, t, 50));
      expect(raw.williamsR[t]).toBeCloseTo((-100 * (hh - C[t]!)) / (hh - ll), 10);
    }
  });

  it('Bollinger %B and bandwidth (20 bars, 2 population σ)', () => {
    for (const t of at(19)) {
      const w = win(C, t, 20);
      const m = mean(w);
      const sd = Math.sqrt(mean(w.map((x) => (x - m) ** 2)));
      expect(raw.bollingerPercentB[t]).toBeCloseTo((C[t]! - (m - 2 * sd)) / (4 * sd), 10);
      expect(raw.bollingerBandwidth[t]).toBeCloseTo((4 * sd) / m, 12);
    }
  });

  it('ATR 14 (Wilder smoothing of the true range) / close', () => {
    const tr = range(0, N - 1).map((i) =>
      i === 0 ? NaN : Math.max(H[i]! - L[i]!, Math.abs(H[i]! - C[i - 1]!), Math.abs(L[i]! - C[i - 1]!)),
    );
    const atr = wilder(tr, 14);
    for (const t of at(14)) expect(raw.atrRelative[t]).toBeCloseTo(atr[t]! / C[t]!, 12);
  });

  it('RSI 14 (Wilder), rounded to 0.01 by the library', () => {
    const diff = range(0, N - 1).map((i) => (i === 0 ? 0 : C[i]! - C[i - 1]!));
    const gain = wilder(diff.map((d) => Math.max(d, 0)), 14);
    const loss = wilder(diff.map((d) => Math.max(-d, 0)), 14);
    for (const t of at(14)) expect(Math.abs(raw.rsi[t]! - (100 - 100 / (1 + gain[t]! / loss[t]!)))).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it('MACD 12/26/9 line, signal and histogram relative to the close', () => {
    const c = Array.from(C);
    const fast = ema(c, 12, 0);
    const slow = ema(c, 26, 0);
    const line = c.map((_, t) => (t >= 25 ? fast[t]! - slow[t]! : NaN));
    const signal = ema(line, 9, 25);
    for (const t of at(25)) expect(raw.macdLine[t]).toBeCloseTo(line[t]! / C[t]!, 13);
    for (const t of at(33)) {
      expect(raw.macdSignal[t]).toBeCloseTo(signal[t]! / C[t]!, 13);
      expect(raw.macdHistogram[t]).toBeCloseTo((line[t]! - signal[t]!) / C[t]!, 13);
    }
  });

  it('Stochastic %K 14 and %D 3', () => {
    const k = (t: number) => {
      const ll = Math.min(...win(L, t, 14));
      return (100 * (C[t]! - ll)) / (Math.max(...win(H, t, 14)) - ll);
    };
    for (const t of at(13)) expect(raw.stochasticK[t]).toBeCloseTo(k(t), 10);
    for (const t of at(15)) expect(raw.stochasticD[t]).toBeCloseTo(mean([k(t - 2), k(t - 1), k(t)]), 10);
  });

  it('CCI 20 on the typical price', () => {
    const tp = range(0, N - 1).map((i) => (H[i]! + L[i]! + C[i]!) / 3);
    for (const t of at(19)) {
      const w = tp.slice(t - 19, t + 1);
      const m = mean(w);
      expect(raw.cci[t]).toBeCloseTo((tp[t]! - m) / (0.015 * mean(w.map((x) => Math.abs(x - m)))), 9);
    }
  });

  it('MFI 14 (library convention: money flows from bar 2 on), rounded to 0.01', () => {
    const tp = range(0, N - 1).map((i) => (H[i]! + L[i]! + C[i]!) / 3);
    const flow = (i: number, up: boolean) => (i >= 2 && tp[i]! > tp[i - 1]! === up ? tp[i]! * V[i]! : 0);
    for (const t of at(15)) {
      const pos = range(t - 13, t).reduce((a, i) => a + flow(i, true), 0);
      const neg = range(t - 13, t).reduce((a, i) => a + flow(i, false), 0);
      expect(Math.abs(raw.mfi[t]! - (100 - 100 / (1 + pos / neg)))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('OBV slope: signed volume over the last 20 bars / their volume', () => {
    for (const t of at(21)) {
      const idx = range(t - 19, t);
      const signed = idx.reduce((a, i) => a + Math.sign(C[i]! - C[i - 1]!) * V[i]!, 0);
      expect(raw.obvSlope[t]).toBeCloseTo(signed / idx.reduce((a, i) => a + V[i]!, 0), 10);
    }
  });

  it('ADX 14 and +DI − −DI equal technicalindicators ADX placed at its bar', () => {
    const lib = ADX.calculate({ high: Array.from(H), low: Array.from(L), close: Array.from(C), period: 14 });
    const first = N - lib.length;
    expect(first).toBe(27);
    for (const t of at(27)) {
      expect(raw.adx[t]).toBe(lib[t - first]!.adx);
      expect(raw.diSpread[t]).toBe(lib[t - first]!.pdi - lib[t - first]!.mdi);
    }
  });
});
