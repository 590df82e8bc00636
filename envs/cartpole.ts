import { TradegymError } from '../src/core/errors.js';
import { type Rng, createRng } from '../src/core/rng.js';
import { Box } from '../src/rl/box.js';
import { Discrete } from '../src/rl/discrete.js';
import type { Env, ResetOptions, ResetResult, StepResult } from '../src/rl/env.js';

/** Physical constants and limits of CartPole-v1 (gymnasium/envs/classic_control/cartpole.py). */
export const CARTPOLE = {
  /** m/s². */
  gravity: 9.8,
  /** kg. */
  massCart: 1.0,
  /** kg. */
  massPole: 0.1,
  /** Half the pole's length, m. */
  length: 0.5,
  /** N, applied left (action 0) or right (action 1). */
  forceMag: 10.0,
  /** Seconds between state updates (explicit Euler step). */
  tau: 0.02,
  /** |x| beyond this (m) terminates. */
  xThreshold: 2.4,
  /** |θ| beyond this (rad) terminates: 12° = 12·2π/360 ≈ 0.2095. */
  thetaThresholdRadians: (12 * 2 * Math.PI) / 360,
  /** Episode length limit (TimeLimit wrapper of CartPole-v1), steps. */
  maxEpisodeSteps: 500,
} as const;

const FLOAT32_MAX = 3.4028234663852886e38;

/** Options of `CartPoleEnv`. */
export interface CartPoleOptions {
  /** Seed used until `reset({ seed })` gives another (default 0; there is no unseeded mode). */
  seed?: number;
  /** Truncation limit in steps (default 500, CartPole-v1). */
  maxEpisodeSteps?: number;
}

/** CartPole's info: always empty (as gymnasium's). */
export type CartPoleInfo = Record<string, never>;

/**
 * CartPole-v1 with gymnasium's exact dynamics (Barto, Sutton & Anderson 1983; equations from
 * Florian 2007 as in gymnasium): state (x m, ẋ m/s, θ rad, θ̇ rad/s) integrated in float64 with
 * explicit Euler (τ = 0.02 s); actions Discrete(2) push left/right with 10 N; reward 1 for every
 * step, including the terminating one; `terminated` when |x| > 2.4 or |θ| > 12°; `truncated` at
 * step 500 (set by the step count alone, as gymnasium's TimeLimit: both flags are true if the
 * pole also falls on step 500; learners must not bootstrap then). Reset draws each state variable uniformly from [−0.05, 0.05) with the env's Rng.
 *
 * The observation is a float32 copy of the state in a buffer **reused by every reset and step**:
 * copy it to keep it. Stepping after the episode ended (or before any reset) throws.
 */
export class CartPoleEnv implements Env<Float32Array, number, CartPoleInfo> {
  /** Box(4): x ∈ [−4.8, 4.8], θ ∈ [−0.419, 0.419], velocities within ±float32 max (as gymnasium). */
  readonly observationSpace: Box;
  /** Discrete(2): 0 pushes left, 1 pushes right. */
  readonly actionSpace = new Discrete(2);
  readonly maxEpisodeSteps: number;
  private rng: Rng;
  private readonly state = new Float64Array(4);
  private readonly observation = new Float32Array(4);
  private readonly info: CartPoleInfo = Object.freeze({});
  private elapsedSteps = 0;
  private needsReset = true;

  constructor(options: CartPoleOptions = {}) {
    this.rng = createRng(options.seed ?? 0);
    this.maxEpisodeSteps = options.maxEpisodeSteps ?? CARTPOLE.maxEpisodeSteps;
    const { xThreshold, thetaThresholdRadians } = CARTPOLE;
    const high = [xThreshold * 2, FLOAT32_MAX, thetaThresholdRadians * 2, FLOAT32_MAX];
    this.observationSpace = new Box(4, high.map((h) => -h), high);
  }

  /** Starts an episode; a seed re-creates the env's Rng, otherwise its stream continues. */
  reset(options: ResetOptions = {}): ResetResult<Float32Array, CartPoleInfo> {
    if (options.seed !== undefined) this.rng = createRng(options.seed);
    for (let i = 0; i < 4; i++) this.state[i] = this.rng.uniformRange(-0.05, 0.05);
    this.elapsedSteps = 0;
    this.needsReset = false;
    this.observation.set(this.state);
    return { observation: this.observation, info: this.info };
  }

  /** Applies a push (0 left, 1 right) for τ seconds. */
  step(action: number): StepResult<Float32Array, CartPoleInfo> {
    if (this.needsReset) {
      throw new TradegymError('E_ENV_STATE', 'CartPoleEnv.step called before reset() or after the episode ended; call reset().');
    }
    if (action !== 0 && action !== 1) {
      throw new TradegymError('E_BAD_ARGUMENT', `CartPoleEnv action must be 0 or 1, got ${String(action)}.`);
    }
    cartPoleDynamics(this.state, action === 1 ? CARTPOLE.forceMag : -CARTPOLE.forceMag);
    this.elapsedSteps++;
    const x = this.state[0]!;
    const theta = this.state[2]!;
    const terminated =
      x < -CARTPOLE.xThreshold || x > CARTPOLE.xThreshold ||
      theta < -CARTPOLE.thetaThresholdRadians || theta > CARTPOLE.thetaThresholdRadians;
    const truncated = this.elapsedSteps >= this.maxEpisodeSteps;
    this.needsReset = terminated || truncated;
    this.observation.set(this.state);
    return { observation: this.observation, reward: 1, terminated, truncated, info: this.info };
  }

  /** Nothing to release. */
  close(): void {}
}

/**
 * One explicit-Euler step of the cart-pole equations, in place on `state` = [x, ẋ, θ, θ̇]:
 *   temp = (F + m_p·l·θ̇²·sin θ) / (m_c + m_p)
 *   θ̈ = (g·sin θ − cos θ·temp) / (l·(4/3 − m_p·cos²θ / (m_c + m_p)))
 *   ẍ = temp − m_p·l·θ̈·cos θ / (m_c + m_p)
 *   x += τ·ẋ; ẋ += τ·ẍ; θ += τ·θ̇; θ̇ += τ·θ̈   (old velocities move the positions)
 * @param force N, positive to the right.
 */
export function cartPoleDynamics(state: Float64Array, force: number): void {
  const { gravity, massCart, massPole, length, tau } = CARTPOLE;
  const totalMass = massPole + massCart;
  const poleMassLength = massPole * length;
  const x = state[0]!;
  const xDot = state[1]!;
  const theta = state[2]!;
  const thetaDot = state[3]!;
  const cosTheta = Math.cos(theta);
  const sinTheta = Math.sin(theta);
  const temp = (force + poleMassLength * thetaDot * thetaDot * sinTheta) / totalMass;
  const thetaAcc = (gravity * sinTheta - cosTheta * temp) / (length * (4.0 / 3.0 - (massPole * cosTheta * cosTheta) / totalMass));
  const xAcc = temp - (poleMassLength * thetaAcc * cosTheta) / totalMass;
  state[0] = x + tau * xDot;
  state[1] = xDot + tau * xAcc;
  state[2] = theta + tau * thetaDot;
  state[3] = thetaDot + tau * thetaAcc;
}
