import { describe, expect, it } from 'vitest';
import { type Rng, createRng } from '../../src/core/rng.js';
import { checkEnv } from '../../src/rl/check-env.js';
import { Box } from '../../src/rl/box.js';
import { Discrete } from '../../src/rl/discrete.js';
import type { Env, ResetOptions, ResetResult, StepResult } from '../../src/rl/env.js';

type Info = Record<string, unknown>;

/**
 * A correct stochastic toy env: a noisy walk x in [−10, 10] pushed by actions {−1, 0, +1};
 * reward −|x|; terminated when |x| > 5; truncated after 30 steps; reuses its observation buffer.
 * Subclasses break one rule each.
 */
class WalkEnv implements Env<Float32Array, number, Info> {
  readonly observationSpace = new Box(2, -10, 10);
  readonly actionSpace = new Discrete(3);
  protected rng: Rng = createRng(0);
  protected x = 0;
  protected t = 0;
  protected readonly obs = new Float32Array(2);

  reset(options: ResetOptions = {}): ResetResult<Float32Array, Info> {
    if (options.seed !== undefined) this.rng = createRng(options.seed);
    this.x = this.rng.uniformRange(-1, 1);
    this.t = 0;
    return { observation: this.observe(), info: {} };
  }

  step(action: number): StepResult<Float32Array, Info> {
    this.x += action - 1 + 0.5 * this.rng.normal();
    this.t++;
    return {
      observation: this.observe(),
      reward: this.reward(),
      terminated: Math.abs(this.x) > 5,
      truncated: this.t >= 30,
      info: { t: this.t },
    };
  }

  close(): void {}

  protected reward(): number {
    return -Math.abs(this.x);
  }

  protected observe(): Float32Array {
    this.obs[0] = Math.max(-10, Math.min(10, this.x));
    this.obs[1] = this.t / 30;
    return this.obs;
  }
}

class NanRewardEnv extends WalkEnv {
  protected override reward(): number {
    return this.t === 3 ? Number.NaN : super.reward();
  }
}

class OutOfSpaceEnv extends WalkEnv {
  protected override observe(): Float32Array {
    super.observe();
    if (this.t === 2) this.obs[0] = 42;
    return this.obs;
  }
}

class NumericFlagEnv extends WalkEnv {
  override step(action: number): StepResult<Float32Array, Info> {
    const result = super.step(action);
    return { ...result, terminated: (result.terminated ? 1 : 0) as unknown as boolean };
  }
}

/** Perturbs the start by a counter shared by every instance and never reset by seeding. */
let hiddenCounter = 0;
class HiddenCounterEnv extends WalkEnv {
  override reset(options: ResetOptions = {}): ResetResult<Float32Array, Info> {
    super.reset(options);
    this.x += 0.001 * hiddenCounter++;
    return { observation: this.observe(), info: {} };
  }
}

/** Seeds only at construction: reset({ seed }) is ignored. */
class IgnoresSeedEnv extends WalkEnv {
  override reset(): ResetResult<Float32Array, Info> {
    return super.reset({});
  }
}

/** Fresh instances agree, but per-instance state (resets so far) survives re-seeding. */
class StaleStateEnv extends WalkEnv {
  private resets = 0;
  override reset(options: ResetOptions = {}): ResetResult<Float32Array, Info> {
    this.resets++;
    return super.reset(options);
  }
  protected override reward(): number {
    return super.reward() - this.resets;
  }
}

/** Fully deterministic: the seed changes nothing. */
class DeterministicEnv extends WalkEnv {
  override reset(): ResetResult<Float32Array, Info> {
    this.x = 0;
    this.t = 0;
    return { observation: this.observe(), info: {} };
  }
  override step(action: number): StepResult<Float32Array, Info> {
    this.x += action - 1;
    this.t++;
    return { observation: this.observe(), reward: 0, terminated: Math.abs(this.x) > 5, truncated: this.t >= 30, info: {} };
  }
}

describe('checkEnv', () => {
  it('passes a correct stochastic env with no problems and no warnings', () => {
    const report = checkEnv(() => new WalkEnv());
    expect(report).toEqual({ ok: true, problems: [], warnings: [] });
  });

  it('fails a NaN reward, naming the step', () => {
    const report = checkEnv(() => new NanRewardEnv());
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['step 2 returned reward NaN; rewards must be finite numbers.']);
  });

  it('fails an observation outside the space, naming the element and the bounds', () => {
    const report = checkEnv(() => new OutOfSpaceEnv());
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      'the observation returned by step 1 is not within the observation space: element 0 = 42, expected a number in [-10, 10].',
    ]);
  });

  it('fails a numeric terminated flag', () => {
    const report = checkEnv(() => new NumericFlagEnv());
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['step 0 returned terminated = 0 (number); expected a boolean.']);
  });

  it('fails an env made non-deterministic by a hidden counter', () => {
    const report = checkEnv(() => new HiddenCounterEnv());
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(
      /^reset\(\{ seed: 123 \}\) is not deterministic: two resets with the same seed gave different first observations \(observation\[0\]: /,
    );
    expect(report.problems[1]).toMatch(
      /^same seed ⇒ same trajectory is violated: two fresh envs reset with seed 123 and given the same 200 actions differ at reset\(\{ seed: 123 \}\) \(observation\[0\]: /,
    );
  });

  it('fails an env whose reset ignores the seed', () => {
    const report = checkEnv(() => new IgnoresSeedEnv());
    expect(report.problems[0]).toMatch(/^reset\(\{ seed: 123 \}\) is not deterministic/);
  });

  it('fails an env whose state survives re-seeding', () => {
    const report = checkEnv(() => new StaleStateEnv());
    expect(report.problems).toEqual([
      expect.stringMatching(/^reset\(\{ seed: 123 \}\) does not fully re-create the env's state: .* at step 0 \(reward: /),
    ]);
  });

  it('warns, without failing, when different seeds give the same trajectory', () => {
    const report = checkEnv(() => new DeterministicEnv(), { steps: 20 });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([
      'seeds 123 and 124 gave identical trajectories over 20 steps: fine for a deterministic env, otherwise reset ignores its seed.',
    ]);
  });

  it('reports an env method that throws instead of throwing itself', () => {
    class ThrowingEnv extends WalkEnv {
      override step(): StepResult<Float32Array, Info> {
        throw new Error('boom');
      }
    }
    const report = checkEnv(() => new ThrowingEnv());
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('step 0 threw: boom');
  });
});
