import { describe, expect, it } from 'vitest';
import { benchWs } from '../../src/server/bench-ws.js';

describe('benchWs', () => {
  it('reports bar events delivered per second for 1 and 20 loopback clients (small smoke run)', async () => {
    const result = await benchWs({ bars: 1_500, repeats: 1 });
    expect(Object.keys(result).sort()).toEqual(['wsEventsPerSec1Client', 'wsEventsPerSec20Clients']);
    for (const value of Object.values(result)) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThan(0);
    }
  });
});
