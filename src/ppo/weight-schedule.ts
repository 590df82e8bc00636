import { TradegymError } from '../core/errors.js';
import type { Schedule } from './schedules.js';

/** Options of {@link rampHoldSchedule}. */
export interface RampHoldOptions {
  /** Weight reached at the end of the ramp. */
  max: number;
  /** Share of training the linear ramp takes, in [0, 1] (default 0.3). */
  rampFraction?: number;
  /** Weight at progress 0 (default 0). */
  start?: number;
  /** After the ramp: `hold` the maximum (default) or `decay` linearly to `final` at progress 1. */
  after?: 'hold' | 'decay';
  /** Weight at progress 1 when decaying (default 0). */
  final?: number;
}

/**
 * A loss weight over training progress p ∈ [0, 1]: linear from `start` to `max` over the first
 * `rampFraction` of training, then held at `max` (or decayed linearly to `final`). This is the
 * distillation schedule of the knowledge-injection toolkit (ramp over the first 30 %, then hold);
 * ramping in avoids a large supervised gradient fighting the fresh PPO value estimates at the
 * start. Progress is clamped to [0, 1].
 * @throws TradegymError E_BAD_CONFIG for negative or non-finite weights or a fraction outside [0, 1].
 */
export function rampHoldSchedule(options: RampHoldOptions): Schedule {
  const { max } = options;
  const rampFraction = options.rampFraction ?? 0.3;
  const start = options.start ?? 0;
  const final = options.final ?? 0;
  const after = options.after ?? 'hold';
  for (const [field, value] of [['max', max], ['start', start], ['final', final]] as const) {
    if (!(value >= 0 && Number.isFinite(value))) bad(field, value, 'a finite number ≥ 0');
  }
  if (!(rampFraction >= 0 && rampFraction <= 1)) bad('rampFraction', rampFraction, 'a fraction in [0, 1]');
  if (after !== 'hold' && after !== 'decay') bad('after', after, '"hold" or "decay"');
  return (progress) => {
    const p = Math.min(1, Math.max(0, progress));
    if (p < rampFraction) return start + ((max - start) * p) / rampFraction;
    if (after === 'hold' || rampFraction === 1) return max;
    return max + ((final - max) * (p - rampFraction)) / (1 - rampFraction);
  };
}

function bad(field: string, value: unknown, expected: string): never {
  throw new TradegymError('E_BAD_CONFIG', `weight schedule ${field} is ${String(value)}; expected ${expected}.`, { column: field, value: String(value) });
}
