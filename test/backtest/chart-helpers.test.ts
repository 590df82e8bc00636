import { describe, expect, it } from 'vitest';
import { decimateSeries } from '../../src/backtest/decimate-series.js';
import { drawdownSeries } from '../../src/backtest/drawdown-series.js';
import { formatMoney, formatPercent, formatTimestamp } from '../../src/backtest/format-number.js';
import { niceTicks } from '../../src/backtest/nice-ticks.js';
import { svgLineChart } from '../../src/backtest/svg-line-chart.js';

describe('chart helpers', () => {
  it('niceTicks picks round steps inside the range', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(97_300, 104_900, 4)).toEqual([98_000, 100_000, 102_000, 104_000]);
    expect(niceTicks(-0.23, 0, 4)).toEqual([-0.2, -0.1, 0]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('decimateSeries keeps the extremes, the ends and time order', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 100) + (i === 7_777 ? 5 : 0));
    const kept = decimateSeries(values, 500);
    expect(kept.length).toBeLessThanOrEqual(502);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(9_999);
    expect(kept).toContain(7_777);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
    expect(decimateSeries([1, 2, 3], 10)).toEqual([0, 1, 2]);
  });

  it('drawdownSeries is equity over the running peak minus 1', () => {
    const dd = drawdownSeries([100, 50, 80, 120, 60]);
    [0, -0.5, -0.2, 0, -0.5].forEach((v, i) => expect(dd[i]).toBeCloseTo(v, 15));
  });

  it('formats money, percentages and dates deterministically', () => {
    expect(formatMoney(1234567.891)).toBe('1,234,567.89');
    expect(formatMoney(-950)).toBe('-950.00');
    expect(formatPercent(-0.12345)).toBe('-12.35%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatTimestamp(Date.UTC(2020, 1, 3))).toBe('2020-02-03');
    expect(formatTimestamp(Date.UTC(2020, 1, 3, 14, 30))).toBe('2020-02-03 14:30');
  });

  it('svgLineChart draws at most maxPoints per line and escapes labels', () => {
    const n = 100_000;
    const svg = svgLineChart({
      title: 'a<b',
      timestamps: Float64Array.from({ length: n }, (_, i) => i * 60_000),
      series: [{ label: 'x&y', color: '#000', values: Float64Array.from({ length: n }, (_, i) => i % 977) }],
      formatY: String,
      maxPoints: 400,
    });
    const points = /points="([^"]+)"/.exec(svg)![1]!.split(' ');
    expect(points.length).toBeLessThanOrEqual(402);
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('x&amp;y');
    expect(svg.length).toBeLessThan(40_000);
  });
});
