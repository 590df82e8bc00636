import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { Curriculum } from '../../src/rl/curriculum.js';

const stages = [
  { name: 'calm', settings: 'low-vol', until: { steps: 1000 } },
  { name: 'costly', settings: 'high-cost', until: { meanReturn: 0.5, minSteps: 200 } },
  { name: 'full', settings: 'all' },
];

describe('Curriculum', () => {
  it('enters the first stage at once, then switches on steps spent in the stage', () => {
    const entered: string[] = [];
    const c = new Curriculum(stages, (s) => entered.push(s));
    expect(entered).toEqual(['low-vol']);
    expect(c.observe({ totalSteps: 999, meanEpisodeReturn: 9 })).toBe(false);
    expect(c.observe({ totalSteps: 1000, meanEpisodeReturn: 9 })).toBe(true);
    expect(entered).toEqual(['low-vol', 'high-cost']);
    expect(c.settings).toBe('high-cost');
  });

  it('switches on mean return only after minSteps in the stage, and never leaves the last stage', () => {
    const c = new Curriculum(stages, () => undefined);
    c.observe({ totalSteps: 1024, meanEpisodeReturn: 0 });
    expect(c.observe({ totalSteps: 1100, meanEpisodeReturn: 0.9 })).toBe(false); // 76 < 200 steps in stage
    expect(c.observe({ totalSteps: 1300, meanEpisodeReturn: 0.4 })).toBe(false);
    expect(c.observe({ totalSteps: 1400, meanEpisodeReturn: null })).toBe(false);
    expect(c.observe({ totalSteps: 1500, meanEpisodeReturn: 0.5 })).toBe(true);
    expect(c.observe({ totalSteps: 1e9, meanEpisodeReturn: 1e9 })).toBe(false);
    expect(c.history).toEqual([
      { stage: 0, name: 'calm', startStep: 0, reason: 'start' },
      { stage: 1, name: 'costly', startStep: 1024, reason: 'steps' },
      { stage: 2, name: 'full', startStep: 1500, reason: 'meanReturn' },
    ]);
  });

  it('rejects a non-final stage without a switch condition', () => {
    try {
      new Curriculum([{ name: 'a', settings: 1 }, { name: 'b', settings: 2 }], () => undefined);
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_CONFIG')).toBe(true);
      expect((e as Error).message).toMatch(/stage 0/);
    }
  });
});
