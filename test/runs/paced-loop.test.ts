import { describe, expect, it } from 'vitest';
import { PacedLoop } from '../../src/runs/paced-loop.js';

const counter = (limit: number) => {
  let n = 0;
  return { step: () => (n < limit ? (n++, true) : false), get count() { return n; } };
};

describe('PacedLoop', () => {
  it('at "max" steps every bar and yields to the event loop between chunks', async () => {
    const source = counter(10_000);
    const loop = new PacedLoop({ step: source.step, speed: 'max', maxChunkBars: 100 });
    let countWhenIoRan = -1;
    setImmediate(() => (countWhenIoRan = source.count));
    expect(await loop.run()).toBe('completed');
    expect(source.count).toBe(10_000);
    expect(loop.barsStepped).toBe(10_000);
    expect(countWhenIoRan).toBeGreaterThan(0);
    expect(countWhenIoRan).toBeLessThan(10_000);
  });

  it('never runs ahead of its speed: 50 bars at 500 bars/s take at least ~100 ms', async () => {
    const source = counter(50);
    const started = performance.now();
    expect(await new PacedLoop({ step: source.step, speed: 500 }).run()).toBe('completed');
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('holds while paused, continues on resume, and ends on stop', async () => {
    const source = counter(Infinity);
    const loop = new PacedLoop({ step: source.step, speed: 1_000 });
    const outcome = loop.run();
    await new Promise((r) => setTimeout(r, 30));
    loop.pause();
    await new Promise((r) => setTimeout(r, 5));
    const atPause = source.count;
    expect(loop.paused).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(source.count).toBe(atPause);
    loop.resume();
    loop.setSpeed('max');
    await new Promise((r) => setTimeout(r, 30));
    expect(source.count).toBeGreaterThan(atPause + 100);
    loop.stop();
    expect(await outcome).toBe('stopped');
    const atStop = source.count;
    await new Promise((r) => setTimeout(r, 20));
    expect(source.count).toBe(atStop);
  });

  it('stops a paused loop', async () => {
    const loop = new PacedLoop({ step: counter(100).step, speed: 1 });
    loop.pause();
    const outcome = loop.run();
    loop.stop();
    expect(await outcome).toBe('stopped');
  });

  it('passes a step error to the caller', async () => {
    const loop = new PacedLoop({ step: () => { throw new Error('strategy exploded'); }, speed: 'max' });
    await expect(loop.run()).rejects.toThrow('strategy exploded');
  });
});
