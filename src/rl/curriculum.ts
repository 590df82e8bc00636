import { TradegymError } from '../core/errors.js';

/** When a curriculum stage ends (the first condition met wins; a stage needs at least one unless it is the last). */
export interface StageSwitch {
  /** After this many env steps (summed over envs) in the stage. */
  steps?: number;
  /** Once the mean episode return (as logged: the last 100 episodes) reaches this value… */
  meanReturn?: number;
  /** …but not before this many steps in the stage (default 0), so old-stage episodes wash out of the mean. */
  minSteps?: number;
}

/** One stage: a name, the settings it applies (e.g. episode condition ranges), and when it ends. */
export interface CurriculumStage<Settings> {
  name: string;
  settings: Settings;
  /** Omitted on the last stage (it runs to the end). */
  until?: StageSwitch;
}

/** What the curriculum observes after each update. */
export interface CurriculumObservation {
  /** Env steps trained so far. */
  totalSteps: number;
  meanEpisodeReturn: number | null;
}

/** A stage switch that happened. */
export interface StageRecord {
  stage: number;
  name: string;
  /** Total env steps when the stage began. */
  startStep: number;
  /** Why the previous stage ended (`start` for the first). */
  reason: 'start' | 'steps' | 'meanReturn';
}

/**
 * A curriculum (Bengio et al. 2009, "Curriculum learning"; for RL, Narvekar et al. 2020,
 * arXiv:2003.04960): training runs through `stages` in order, easy to hard, each applying its
 * `settings` (the caller applies them to the envs; `onEnter` is called for the first stage at
 * construction and at every switch). After each PPO update `observe` checks the current stage's
 * switch condition — steps spent in the stage, or a mean episode return reached after `minSteps` —
 * and advances at most one stage. Deterministic given the observations.
 */
export class Curriculum<Settings> {
  readonly history: StageRecord[] = [];
  private index = 0;
  private stageStart: number;

  constructor(readonly stages: readonly CurriculumStage<Settings>[], private readonly onEnter: (settings: Settings, stage: number) => void, startStep = 0) {
    if (stages.length === 0) throw new TradegymError('E_BAD_CONFIG', 'a curriculum needs at least one stage.');
    stages.forEach((stage, i) => checkStage(stage, i, i === stages.length - 1));
    this.stageStart = startStep;
    this.history.push({ stage: 0, name: stages[0]!.name, startStep, reason: 'start' });
    onEnter(stages[0]!.settings, 0);
  }

  /** Index of the current stage. */
  get stage(): number {
    return this.index;
  }

  /** Settings of the current stage. */
  get settings(): Settings {
    return this.stages[this.index]!.settings;
  }

  /** Checks the switch condition after an update; returns true when it moved to the next stage. */
  observe(observation: CurriculumObservation): boolean {
    const until = this.stages[this.index]!.until;
    if (until === undefined) return false;
    const inStage = observation.totalSteps - this.stageStart;
    const reason: StageRecord['reason'] | undefined =
      until.steps !== undefined && inStage >= until.steps ? 'steps'
      : until.meanReturn !== undefined && inStage >= (until.minSteps ?? 0) && observation.meanEpisodeReturn !== null && observation.meanEpisodeReturn >= until.meanReturn ? 'meanReturn'
      : undefined;
    if (reason === undefined) return false;
    this.index++;
    this.stageStart = observation.totalSteps;
    this.history.push({ stage: this.index, name: this.stages[this.index]!.name, startStep: observation.totalSteps, reason });
    this.onEnter(this.stages[this.index]!.settings, this.index);
    return true;
  }
}

function checkStage(stage: CurriculumStage<unknown>, i: number, last: boolean): void {
  const where = `curriculum stage ${i} ("${stage.name}")`;
  const until = stage.until;
  if (until === undefined) {
    if (!last) throw new TradegymError('E_BAD_CONFIG', `${where} has no "until": every stage but the last needs { "steps": n } and/or { "meanReturn": x }.`);
    return;
  }
  if (until.steps === undefined && until.meanReturn === undefined) {
    throw new TradegymError('E_BAD_CONFIG', `${where}: "until" needs "steps" and/or "meanReturn".`);
  }
  for (const field of ['steps', 'minSteps'] as const) {
    const v = until[field];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new TradegymError('E_BAD_CONFIG', `${where}: until.${field} is ${v}; expected an integer ≥ 0.`);
  }
  if (until.meanReturn !== undefined && !Number.isFinite(until.meanReturn)) {
    throw new TradegymError('E_BAD_CONFIG', `${where}: until.meanReturn is ${until.meanReturn}; expected a finite number.`);
  }
}
