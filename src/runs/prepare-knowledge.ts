import type { RandomizedTradingEnv } from '../../envs/randomized-trading-env.js';
import { TradegymError } from '../core/errors.js';
import { createRng, type Rng } from '../core/rng.js';
import { sampleFeatureRows } from '../features/sample-feature-rows.js';
import type { EpisodeConditionRanges } from '../market/episode-conditions.js';
import type { ActorCritic } from '../nn/actor-critic.js';
import type { CheckpointManifest } from '../nn/checkpoint-manifest.js';
import { loadCheckpoint } from '../nn/model-store.js';
import type { AuxiliaryLoss } from '../ppo/auxiliary-loss.js';
import { cloneBehaviour } from '../ppo/behaviour-cloning.js';
import { ElasticWeightConsolidation } from '../ppo/elastic-weight-consolidation.js';
import { FineTuneMonitor, type TeacherProbe } from '../ppo/fine-tune-monitor.js';
import { diagonalFisher } from '../ppo/fisher-information.js';
import { PolicyDistillation } from '../ppo/policy-distillation.js';
import type { UpdateObservation } from '../ppo/ppo-trainer.js';
import { rampHoldSchedule } from '../ppo/weight-schedule.js';
import { Curriculum } from '../rl/curriculum.js';
import type { KnowledgeSettings } from './knowledge-settings.js';
import type { Market } from './load-market.js';
import { loadMarket } from './load-market.js';
import { toMarketSource, type MarketArgument } from './market-source.js';
import { buildTeacherDataset } from './teacher-dataset.js';
import type { TrainingRange } from './training-env.js';
import { readTrainingRecord } from './training-record.js';

/**
 * Behaviour-cloning defaults: teacher datasets are small (a few thousand bars), so small batches
 * and a moderate learning rate give enough steps (≈ 20 × rows/64) at ~0.05 s per epoch.
 */
const BC_DEFAULTS = { epochs: 20, batchSize: 64, learningRate: 3e-3 } as const;

/** What a training session needs to inject knowledge, ready to use. */
export interface PreparedKnowledge {
  /** Extra PPO loss terms (EWC, distillation). */
  auxiliaryLosses: AuxiliaryLoss[];
  /** Monitor fields after an update (drift, agreement, entropy, penalties), or undefined when off. */
  measure: (() => Record<string, number>) | undefined;
  /** Feeds each update's outcome (live or replayed on resume) to the curriculum. */
  observe: (observation: UpdateObservation) => void;
  /** JSON summary for the checkpoint manifest (Fisher, teacher, behaviour cloning, curriculum history). */
  summary: () => Record<string, unknown>;
  dispose(): void;
}

/** Inputs of {@link prepareKnowledge}. */
export interface PrepareKnowledgeArgs {
  policy: ActorCritic;
  knowledge: KnowledgeSettings;
  /** The markets trained on, with their training ranges. */
  markets: readonly Market[];
  ranges: readonly TrainingRange[];
  actionLevels: readonly number[];
  seed: number;
  /** The base checkpoint when fine-tuning: EWC anchors to its weights and reads its source markets from its manifest. */
  base?: { dir: string; manifest: CheckpointManifest };
  /** The randomised envs a curriculum drives. */
  conditionTargets: readonly RandomizedTradingEnv[];
  featureCacheDir?: string;
  log?: (line: string) => void;
  /** Training steps already done (a resumed run), for the curriculum's step counts. */
  startStep?: number;
  /**
   * True when the resumed run re-drives its envs from step 0 (action replay): the curriculum then
   * starts at its first stage and the replay's update observations move it through the same
   * switches as the original run. False: it starts its first stage at `startStep`.
   */
  replayFromStart?: boolean;
}

/**
 * Builds a run's knowledge injection, in this order: the EWC term (diagonal Fisher of the policy —
 * the base, before any training — on states of the base's own source markets, read from its
 * pretraining record), the distillation term (teacher demonstrations on the training ranges, and
 * behaviour cloning on them before PPO), the curriculum (its first stage applied to the envs at
 * once), and the monitor (a seeded probe set of training states; base reference captured if the
 * policy has none). Call it after attaching adapters and before creating the trainer.
 */
export async function prepareKnowledge(args: PrepareKnowledgeArgs): Promise<PreparedKnowledge> {
  const { policy, knowledge, seed } = args;
  const rng = createRng(seed).fork('knowledge');
  const summary: Record<string, unknown> = {};
  const auxiliaryLosses: AuxiliaryLoss[] = [];
  const disposables: Array<{ dispose(): void }> = [];
  let ewc: ElasticWeightConsolidation | undefined;
  if (knowledge.ewc !== undefined) {
    ewc = await prepareEwc(args, rng.fork('fisher'));
    auxiliaryLosses.push(ewc);
    disposables.push(ewc);
    summary['ewc'] = { ...ewc.summary };
  }
  let teacherProbe: TeacherProbe | undefined;
  if (knowledge.distill !== undefined) {
    const distill = await prepareDistillation(args, rng.fork('behaviour-cloning'));
    auxiliaryLosses.push(distill.loss);
    teacherProbe = distill.probe;
    summary['distill'] = distill.summary;
  }
  const curriculum = createCurriculum(args);
  const measure = createMeasure(args, rng, ewc, teacherProbe);
  return {
    auxiliaryLosses,
    measure,
    observe: (observation) => curriculum?.observe(observation),
    summary: () => ({ ...summary, ...(curriculum !== undefined && { curriculum: curriculum.history }) }),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}

async function prepareDistillation(args: PrepareKnowledgeArgs, rng: Rng): Promise<{ loss: PolicyDistillation; probe: TeacherProbe; summary: Record<string, unknown> }> {
  const d = args.knowledge.distill!;
  const teacher = await buildTeacherDataset(d.teacher, args.markets, args.ranges, args.actionLevels, { ...(d.smoothing !== undefined && { smoothing: d.smoothing }), ...(d.temperature !== undefined && { temperature: d.temperature }) });
  const epochs = (args.startStep ?? 0) > 0 ? 0 : d.behaviourCloningEpochs ?? BC_DEFAULTS.epochs; // a resumed run was cloned already
  const bc = epochs > 0 ? cloneBehaviour(args.policy, teacher.data, { ...BC_DEFAULTS, epochs, rng, ...(d.temperature !== undefined && { temperature: d.temperature }) }) : undefined;
  if (bc !== undefined) args.log?.(`behaviour cloning from ${teacher.label}: ${epochs} epochs, loss ${bc.epochLosses[0]!.toFixed(4)} → ${bc.epochLosses[epochs - 1]!.toFixed(4)} (${bc.seconds.toFixed(1)} s)`);
  const loss = new PolicyDistillation(args.policy, teacher.data, {
    schedule: rampHoldSchedule({ max: d.maxWeight, ...(d.rampFraction !== undefined && { rampFraction: d.rampFraction }), ...(d.after !== undefined && { after: d.after }), ...(d.final !== undefined && { final: d.final }) }),
    seed: args.seed + 7919,
    ...(d.batchSize !== undefined && { batchSize: d.batchSize }),
    ...(d.temperature !== undefined && { temperature: d.temperature }),
  });
  return {
    loss,
    probe: { observations: teacher.data.observations, targets: teacher.data.targets, count: teacher.data.count },
    summary: { teacher: teacher.label, demonstrations: teacher.data.count, behaviourCloning: bc === undefined ? null : { epochs, epochLosses: bc.epochLosses, seconds: bc.seconds } },
  };
}

async function prepareEwc(args: PrepareKnowledgeArgs, rng: Rng): Promise<ElasticWeightConsolidation> {
  const settings = args.knowledge.ewc!;
  if (args.base === undefined) throw new TradegymError('E_BAD_CONFIG', 'EWC needs a base checkpoint to anchor to; use it when fine-tuning (tradegym finetune --ewc-lambda).');
  const record = readTrainingRecord<{ markets: MarketArgument[] }>(args.base.manifest, 'pretrain', args.base.dir);
  const cache = args.featureCacheDir === undefined ? {} : { featureCacheDir: args.featureCacheDir };
  const markets = await Promise.all(record.request.markets.map((m) => loadMarket(toMarketSource(m), cache)));
  const states = sampleFeatureRows(markets.map((m, i) => ({ features: m.features, start: record.markets[i]!.trainRange.start, end: record.markets[i]!.trainRange.end })), settings.fisherStates ?? 2048, rng);
  const started = performance.now();
  const { policy: base } = await loadCheckpoint(args.base.dir);
  try {
    const fisher = diagonalFisher(base, states.values, states.count, { ...(settings.includeCritic !== undefined && { includeCritic: settings.includeCritic }) });
    args.log?.(`EWC: diagonal Fisher of the base on ${states.count} states of ${markets.map((m) => m.label).join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return new ElasticWeightConsolidation(args.policy, fisher, { lambda: settings.lambda, ...(settings.normalize !== undefined && { normalize: settings.normalize }) }, base);
  } finally {
    base.dispose();
  }
}

function createCurriculum(args: PrepareKnowledgeArgs): Curriculum<EpisodeConditionRanges> | undefined {
  const stages = args.knowledge.curriculum;
  if (stages === undefined || stages.length === 0) return undefined;
  const base = args.knowledge.conditions ?? {};
  return new Curriculum(
    stages.map((s) => ({ name: s.name, settings: { ...base, ...s.conditions }, ...(s.until !== undefined && { until: s.until }) })),
    (conditions) => args.conditionTargets.forEach((env) => env.setRanges(conditions)),
    args.replayFromStart === true ? 0 : args.startStep ?? 0,
  );
}

function createMeasure(
  args: PrepareKnowledgeArgs,
  rng: Rng,
  ewc: ElasticWeightConsolidation | undefined,
  teacher: TeacherProbe | undefined,
): (() => Record<string, number>) | undefined {
  const count = args.knowledge.probeStates ?? 512;
  if (count <= 0) return undefined;
  if (args.policy.layers.some((l) => l.referenceWeights() === undefined)) args.policy.captureReference();
  const probe = sampleFeatureRows(args.markets.map((m, i) => ({ features: m.features, start: args.ranges[i]!.start, end: args.ranges[i]!.end })), count, rng.fork('probe'));
  const monitor = new FineTuneMonitor(args.policy, { observations: probe.values, count: probe.count }, teacher);
  return () => ({ ...monitor.measure().fields, ...(ewc !== undefined && { ewcPenalty: ewc.value() }) });
}
