/**
 * A worked example of a custom reward module: a Sortino-style step reward.
 *
 * ## How to write a reward module
 * 1. Create a `.ts` (or `.js`/`.mjs`) file anywhere and **default-export a factory**: a function
 *    that takes one options object (the parsed `--reward-options` JSON; `{}` when none is given)
 *    and returns `{ name, reset(), reward(transition) }`.
 * 2. `reset()` is called at the start of every episode: clear any running state there.
 * 3. `reward(transition)` is called once per env step with the transition t → t+1 (equity before
 *    and after, `stepReturn`, `logReturn`, positions before/after, `tradeCost`, `turnover`,
 *    `drawdown`, `drawdownBefore`, `peak`; see `src/rewards/reward-fn.ts`). Read it, don't keep it:
 *    the env reuses the object. Return a finite number.
 * 4. Validate options in the factory and throw a helpful `Error` on bad values: the run stops
 *    before training with a message naming your module.
 * 5. Run it: `tradegym finetune ... --reward ./my-reward.ts --reward-options '{"eta":0.05}'`.
 *    If `reward` throws or returns NaN/±Infinity, the run stops with an error naming the module
 *    and the step (codes `E_REWARD_MODULE`, `E_REWARD_NON_FINITE`).
 *
 * The module runs as code with your privileges; tradegym only loads modules named on the CLI or
 * in a config file you pass to it.
 *
 * ## This reward
 *   r_t = (R_t − τ) / max(σ⁻_{t−1}, σ_min) − κ · turnover_t
 *   σ⁻²_t = (1 − η) σ⁻²_{t−1} + η · min(R_t − τ, 0)²,   σ⁻²_0 = σ_init²
 * where R_t is the step's simple return net of costs and τ the target return. σ⁻ is an
 * exponentially weighted downside deviation (the Sortino ratio's denominator, Sortino & Price
 * 1994), so the reward is the step's excess return per unit of recent downside risk: upside
 * volatility is not punished, losses are. κ · turnover discourages churning beyond the costs the
 * equity already pays.
 *
 * Options: `eta` ∈ (0, 1] (default 0.05), `target` (default 0), `initialDownside` σ_init > 0
 * (default 0.01 = 1 % per bar), `minDownside` σ_min > 0 (default 1e-4), `turnoverPenalty` κ ≥ 0
 * (default 0).
 */
import type { RewardFn, Transition } from '../../src/rewards/reward-fn.js';

/** Options of {@link sortinoReward} (all optional). */
export interface SortinoRewardOptions {
  eta?: number;
  target?: number;
  initialDownside?: number;
  minDownside?: number;
  turnoverPenalty?: number;
}

/** The factory: default export of this module. */
export default function sortinoReward(options: SortinoRewardOptions = {}): RewardFn {
  const eta = numberIn(options, 'eta', 0.05, (x) => x > 0 && x <= 1, 'in (0, 1]');
  const target = numberIn(options, 'target', 0, () => true, 'finite');
  const initialDownside = numberIn(options, 'initialDownside', 0.01, (x) => x > 0, '> 0');
  const minDownside = numberIn(options, 'minDownside', 1e-4, (x) => x > 0, '> 0');
  const turnoverPenalty = numberIn(options, 'turnoverPenalty', 0, (x) => x >= 0, '≥ 0');
  let downsideVariance = initialDownside * initialDownside;

  return {
    name: 'sortino-reward',
    reset(): void {
      downsideVariance = initialDownside * initialDownside;
    },
    reward(transition: Readonly<Transition>): number {
      const excess = transition.stepReturn - target;
      const downside = Math.max(Math.sqrt(downsideVariance), minDownside);
      const shortfall = Math.min(excess, 0);
      downsideVariance = (1 - eta) * downsideVariance + eta * shortfall * shortfall;
      return excess / downside - turnoverPenalty * transition.turnover;
    },
  };
}

function numberIn(options: SortinoRewardOptions, key: keyof SortinoRewardOptions, fallback: number, ok: (x: number) => boolean, expected: string): number {
  const value: unknown = options[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new Error(`sortino-reward option ${key} is ${JSON.stringify(value)}; expected a number ${expected}.`);
  }
  return value;
}
