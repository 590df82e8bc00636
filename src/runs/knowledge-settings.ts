import type { EpisodeConditionRanges } from '../market/episode-conditions.js';
import type { LayerPlan } from '../nn/layer-plan.js';
import type { StageSwitch } from '../rl/curriculum.js';
import type { TeacherSpec } from './teacher-dataset.js';

/** EWC settings of a fine-tune (Kirkpatrick et al. 2017, arXiv:1612.00796). */
export interface EwcSettings {
  /** Penalty weight λ (with the default mean-normalised Fisher, λ·Σ F̃·Δθ² ≈ λ·‖Δθ‖²). */
  lambda: number;
  /** Source-market states the Fisher is estimated on (default 2048). */
  fisherStates?: number;
  normalize?: 'mean' | 'none';
  includeCritic?: boolean;
}

/** Teacher distillation settings (Rusu et al. 2015, arXiv:1511.06295). */
export interface DistillSettings {
  teacher: TeacherSpec;
  /** Weight reached after the ramp. */
  maxWeight: number;
  /** Share of training the linear ramp takes (default 0.3). */
  rampFraction?: number;
  /** After the ramp: hold (default) or decay to `final`. */
  after?: 'hold' | 'decay';
  final?: number;
  /** τ (default 1). */
  temperature?: number;
  /** Label smoothing of the targets (default 0.05 for rule teachers, 0 for policies). */
  smoothing?: number;
  /** Teacher rows per PPO minibatch (default 256). */
  batchSize?: number;
  /** Behaviour-cloning epochs on the demonstrations before PPO (default 20, batch 64, lr 3e-3; 0 = none). */
  behaviourCloningEpochs?: number;
}

/** One curriculum stage: episode conditions and when to move on. */
export interface CurriculumStageSettings {
  name: string;
  conditions: EpisodeConditionRanges;
  until?: StageSwitch;
}

/**
 * Knowledge injection for a training run (pretrain or fine-tune), plain JSON so it is recorded in
 * the checkpoint manifest: layered fine-tuning, EWC, teacher distillation, domain randomisation,
 * a curriculum, and the monitor's probe set.
 */
export interface KnowledgeSettings {
  /** Per-layer roles (fine-tune only). */
  layers?: LayerPlan;
  ewc?: EwcSettings;
  distill?: DistillSettings;
  /** Per-episode randomised conditions (robustness augmentation). */
  conditions?: EpisodeConditionRanges;
  /** Stages of episode conditions, easy to hard; each stage's conditions override `conditions`. */
  curriculum?: CurriculumStageSettings[];
  /** States of the monitoring probe set (default 512; 0 turns the monitor off). */
  probeStates?: number;
}

/** True when the training env must draw per-episode conditions. */
export function needsRandomizedEnv(knowledge: KnowledgeSettings | undefined): boolean {
  return knowledge?.conditions !== undefined || (knowledge?.curriculum?.length ?? 0) > 0;
}
