import { TradegymError } from '../core/errors.js';
import type { RewardFn, Transition } from './reward-fn.js';

/**
 * A RewardFn wrapper that stops the run instead of letting a bad value through: a reward that
 * throws (`E_REWARD_MODULE`) or returns anything but a finite number (`E_REWARD_NON_FINITE`)
 * raises a TradegymError naming the reward, its source (module path or "built-in") and the step.
 * Adds one call and a finiteness check per step; allocates nothing on the happy path.
 */
export class GuardedReward implements RewardFn {
  readonly name: string;

  /** @param source resolved module path, `built-in`, or undefined for a RewardFn passed in code. */
  constructor(
    readonly inner: RewardFn,
    readonly source?: string,
  ) {
    this.name = inner.name;
  }

  /** Resets the wrapped reward; a throw becomes `E_REWARD_MODULE`. */
  reset(): void {
    try {
      this.inner.reset();
    } catch (e) {
      throw this.failure('E_REWARD_MODULE', `threw in reset(): ${messageOf(e)}`, e);
    }
  }

  /** The wrapped reward's value, checked finite. */
  reward(transition: Readonly<Transition>): number {
    let value: unknown;
    try {
      value = this.inner.reward(transition);
    } catch (e) {
      throw this.failure('E_REWARD_MODULE', `threw at step ${transition.step}: ${messageOf(e)}`, e);
    }
    if (typeof value !== 'number' || value - value !== 0) {
      throw this.failure(
        'E_REWARD_NON_FINITE',
        `returned ${String(value)} at step ${transition.step} (equityBefore ${transition.equityBefore}, equityAfter ${transition.equityAfter}); a reward must be a finite number — guard divisions by zero and logs of non-positive values`,
      );
    }
    return value;
  }

  private failure(code: 'E_REWARD_MODULE' | 'E_REWARD_NON_FINITE', what: string, cause?: unknown): TradegymError {
    const isModule = this.source !== undefined && this.source !== 'built-in';
    const from = isModule ? `reward module ${this.source}:` : this.source === 'built-in' ? 'built-in reward' : 'reward';
    return new TradegymError(code, `${from} "${this.name}" ${what}.`, isModule ? { file: this.source } : {}, { cause });
  }
}

/**
 * Wraps `fn` in a {@link GuardedReward} (returns it unchanged if it already is one, keeping its source).
 * @param source resolved module path, `built-in`, or undefined for a RewardFn passed in code.
 */
export function guardReward(fn: RewardFn, source?: string): GuardedReward {
  return fn instanceof GuardedReward ? fn : new GuardedReward(fn, source);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
