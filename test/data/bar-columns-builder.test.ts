import { describe, expect, it } from 'vitest';
import { BarColumnsBuilder } from '../../src/data/bar-columns-builder.js';

describe('BarColumnsBuilder', () => {
  it('grows past its initial capacity and trims to the rows appended', () => {
    const builder = new BarColumnsBuilder(1);
    for (let i = 0; i < 100; i++) builder.push(i * 1000, i + 1, i + 2, i + 0.5, i + 1.5, i);
    const series = builder.finish('G');
    expect(series.timestamps.length).toBe(100);
    expect(series.close[99]).toBe(100.5);
    expect(series.volume[42]).toBe(42);
    expect(series.intervalMs).toBe(1000);
    expect(builder.lastTimestamp()).toBe(99_000);
  });

  it('reports -Infinity as the last timestamp when empty', () => {
    expect(new BarColumnsBuilder(4).lastTimestamp()).toBe(-Infinity);
  });
});
