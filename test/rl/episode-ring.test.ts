import { describe, expect, it } from 'vitest';
import { EpisodeRing } from '../../src/rl/episode-ring.js';

describe('EpisodeRing', () => {
  it('reports undefined means before any episode finishes', () => {
    const ring = new EpisodeRing(3);
    expect(ring.size).toBe(0);
    expect(ring.meanReturn()).toBeUndefined();
    expect(ring.meanLength()).toBeUndefined();
  });

  it('keeps only the last `capacity` episodes, oldest first', () => {
    const ring = new EpisodeRing(3);
    [10, 20, 30, 40, 50].forEach((r, i) => ring.push(r, i + 1));
    expect(ring.size).toBe(3);
    expect(ring.recentReturns()).toEqual([30, 40, 50]);
    expect(ring.meanReturn()).toBe(40); // (30 + 40 + 50) / 3
    expect(ring.meanLength()).toBe(4); // (3 + 4 + 5) / 3
    ring.clear();
    expect(ring.size).toBe(0);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new EpisodeRing(0)).toThrow(/positive integer/);
  });
});
