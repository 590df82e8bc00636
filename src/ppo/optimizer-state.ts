/**
 * Adam's state between steps: the step count t (for the bias corrections) and the first and
 * second moment estimates m and v, one float32 per trained scalar in the optimiser's variable
 * order. Saved with a training checkpoint (`TrainerState`) so `--resume` continues Adam where it stopped.
 */
export interface OptimizerState {
  step: number;
  m: Float32Array;
  v: Float32Array;
}

/** Throws a RangeError unless `state` holds `parameterCount` moments of each kind. */
export function checkStateSize(state: OptimizerState, parameterCount: number, owner: string): void {
  if (state.m.length !== parameterCount || state.v.length !== parameterCount) {
    throw new RangeError(`${owner}: optimizer state holds ${state.m.length}/${state.v.length} moments for ${parameterCount} parameters`);
  }
}
