import { type Command, Option } from 'commander';
import type { TrainingSettings } from '../runs/training-settings.js';
import { integerValue, jsonObjectValue, numberValue } from './option-parsers.js';
import {
  addBackendOption,
  addJsonOption,
  addMarketOptions,
  addRewardOptions,
  addSeedOption,
  costOptionsOf,
  type BackendFlags,
  type JsonFlags,
  type MarketFlags,
  type RewardFlags,
  type SeedFlags,
} from './shared-options.js';

/** Flags of `pretrain` and `finetune`. */
export interface TrainingFlags extends SeedFlags, JsonFlags, BackendFlags, MarketFlags, RewardFlags {
  out?: string;
  steps?: number;
  nEnvs: number;
  nSteps: number;
  episodeLength: number;
  trainFraction?: number;
  trainEnd?: string;
  ppo?: Record<string, unknown>;
  resume?: string;
  serve?: boolean;
  port: number;
  host: string;
}

/** Adds the training flags, the shared flags and `--resume` / `--serve`. `defaultTrainFraction` differs per command. */
export function addTrainingOptions(command: Command, defaultTrainFraction: number): Command {
  command
    .option('--out <dir>', 'checkpoint directory to write (default with --resume: the resumed directory)')
    .addOption(new Option('--steps <n>', 'env steps to train, summed over envs (default 100000; with --resume: the recorded budget)').argParser(integerValue(1)))
    .addOption(new Option('--n-envs <n>', 'parallel envs').argParser(integerValue(1, 1024)).default(8))
    .addOption(new Option('--n-steps <n>', 'steps per env per PPO rollout').argParser(integerValue(1)).default(256))
    .addOption(new Option('--episode-length <n>', 'steps per training episode').argParser(integerValue(2)).default(256))
    .addOption(new Option('--train-fraction <f>', `share of each market's bars used for training, from the start (default ${defaultTrainFraction})`).argParser(numberValue(0, 1, true)))
    .addOption(new Option('--train-end <date>', 'instead: train on the bars before this date').conflicts('trainFraction'))
    .addOption(new Option('--ppo <json>', 'PPO overrides, e.g. \'{"learningRate":1e-3,"entCoef":0}\'').argParser(jsonObjectValue))
    .option('--resume <dir>', 'continue a checkpoint written by this command (e.g. after Ctrl-C)')
    .option('--serve', 'start the dashboard server and stream training updates to it')
    .addOption(new Option('--port <port>', 'dashboard port with --serve').argParser(integerValue(0, 65535)).default(8080))
    .option('--host <host>', 'dashboard interface with --serve', '127.0.0.1');
  return addRewardOptions(addMarketOptions(addBackendOption(addJsonOption(addSeedOption(command)))));
}

/** The training settings the flags describe. */
export function trainingSettingsOf(flags: TrainingFlags, defaultTrainFraction: number): TrainingSettings {
  return {
    seed: flags.seed,
    steps: flags.steps ?? 100_000,
    nEnvs: flags.nEnvs,
    nSteps: flags.nSteps,
    episodeLength: flags.episodeLength,
    trainFraction: flags.trainFraction ?? defaultTrainFraction,
    ...(flags.trainEnd !== undefined && { trainEnd: flags.trainEnd }),
    reward: flags.reward,
    ...(flags.rewardOptions !== undefined && { rewardOptions: flags.rewardOptions }),
    costs: costOptionsOf(flags),
    sizing: flags.sizing,
    initialCash: flags.cash,
    ppo: flags.ppo ?? {},
  };
}
