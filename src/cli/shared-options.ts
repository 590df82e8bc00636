import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CostModelOptions } from '../market/cost-model.js';
import { SIZING_MODES, type SizingMode } from '../market/sizing.js';
import type { BackendPreference } from '../nn/backend.js';
import { looksLikeModulePath } from '../rewards/create-reward.js';
import { BUILTIN_REWARD_NAMES, DEFAULT_REWARD_NAME, isBuiltinRewardName } from '../rewards/reward-registry.js';
import { integerValue, jsonObjectValue, numberValue } from './option-parsers.js';

/**
 * The flags several commands share (issue 4): `--seed`, `--json`, `--backend`, the market
 * flags (`--cash`, `--commission-bps`, `--slippage-bps`, `--sizing`) and the reward flags
 * (`--reward`, `--reward-options`). Each `add…` function registers them on a command with
 * validation that names the valid values; each `…Flags` interface is what `opts()` then holds.
 */

/** Backend names accepted by `--backend` (kept here so `--help` does not load tfjs). */
export const BACKEND_CHOICES = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const satisfies readonly BackendPreference[];

/** `--seed`. */
export interface SeedFlags {
  seed: number;
}

/** `--json`. */
export interface JsonFlags {
  json?: boolean;
}

/** `--backend`. */
export interface BackendFlags {
  backend: BackendPreference;
}

/** Market simulation flags. */
export interface MarketFlags {
  /** Initial capital, account currency. */
  cash: number;
  commissionBps?: number;
  slippageBps?: number;
  /** No-trade band, fraction of equity. */
  rebalanceBand?: number;
  sizing: SizingMode;
}

/** Reward flags. */
export interface RewardFlags {
  reward: string;
  rewardOptions?: Record<string, unknown>;
}

/** Adds `--seed <n>` (default 0). */
export function addSeedOption(command: Command): Command {
  return command.addOption(new Option('--seed <n>', 'seed of every random stream (same seed + inputs ⇒ same result)').argParser(integerValue(0)).default(0));
}

/** Adds `--json`: one JSON object as the last line of stdout. */
export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print one JSON object with the results as the last line of stdout');
}

/** Adds `--backend <name>` (default auto). */
export function addBackendOption(command: Command): Command {
  return command.addOption(new Option('--backend <name>', 'tfjs backend').choices(BACKEND_CHOICES).default('auto'));
}

/** Adds `--cash`, `--commission-bps`, `--slippage-bps`, `--rebalance-band`, `--sizing`. */
export function addMarketOptions(command: Command): Command {
  return command
    .addOption(new Option('--cash <amount>', 'initial capital').argParser(numberValue(0, Infinity, true)).default(100_000))
    .addOption(new Option('--commission-bps <bps>', 'commission on traded value, basis points (default 5)').argParser(numberValue(0, 500)))
    .addOption(new Option('--slippage-bps <bps>', 'fill price moved against the trade, basis points (default 5)').argParser(numberValue(0, 500)))
    .addOption(new Option('--rebalance-band <fraction>', 'no trade while the exposure is within this fraction of equity of a non-zero target, e.g. 0.05 (default 0: re-target every bar)')
      .argParser(numberValue(0, 1, false, true)))
    .addOption(new Option('--sizing <mode>', 'position sizing').choices(SIZING_MODES).default('fractional'));
}

/** Adds `--reward <name|path>` and `--reward-options <json>`. */
export function addRewardOptions(command: Command): Command {
  return command
    .addOption(new Option('--reward <name|path>', `reward: ${BUILTIN_REWARD_NAMES.join(', ')}, or a module path such as ./my-reward.ts`)
      .argParser(rewardValue).default(DEFAULT_REWARD_NAME))
    .addOption(new Option('--reward-options <json>', 'options of the reward as a JSON object').argParser(jsonObjectValue));
}

/** The cost options the market flags describe (unset flags keep the library defaults). */
export function costOptionsOf(flags: MarketFlags): CostModelOptions {
  return {
    ...(flags.commissionBps !== undefined && { commissionBps: flags.commissionBps }),
    ...(flags.slippageBps !== undefined && { slippageBps: flags.slippageBps }),
    ...(flags.rebalanceBand !== undefined && { rebalanceBand: flags.rebalanceBand }),
  };
}

function rewardValue(text: string): string {
  if (isBuiltinRewardName(text) || looksLikeModulePath(text)) return text;
  throw new InvalidArgumentError(`Expected one of ${BUILTIN_REWARD_NAMES.join(', ')}, or a path to a reward module such as ./my-reward.ts.`);
}
