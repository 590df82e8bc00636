import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { CurriculumSchema, EpisodeConditionsSchema } from '../backtest/knowledge-spec.js';
import { validateWithSchema } from '../backtest/validate-with-schema.js';
import { checkEpisodeConditionRanges } from '../market/episode-conditions.js';
import { type LayerPlan, parseLayerPlan } from '../nn/layer-plan.js';
import type { KnowledgeSettings } from '../runs/knowledge-settings.js';
import type { TeacherSpec } from '../runs/teacher-dataset.js';
import { RULE_STRATEGIES } from '../../strategies/rule-strategies.js';
import { integerValue, jsonObjectValue, numberValue } from './option-parsers.js';

/** Knowledge-injection flags of `pretrain` and `finetune`. */
export interface KnowledgeFlags {
  layers?: LayerPlan;
  ewcLambda?: number;
  ewcStates?: number;
  distillFrom?: string;
  distillBase?: string;
  distillParams?: Record<string, unknown>;
  distillWeight: number;
  distillRamp: number;
  distillAfter: 'hold' | 'decay';
  distillTemperature?: number;
  bcEpochs: number;
  randomize?: Record<string, unknown>;
  curriculum?: string;
  probeStates: number;
}

/**
 * Adds the knowledge-injection flags: distillation, domain randomisation, curriculum and the
 * monitor for both commands; with `fineTune`, also the layered plan and EWC.
 */
export function addKnowledgeOptions(command: Command, fineTune: boolean): Command {
  if (fineTune) {
    command
      .addOption(new Option('--layers <plan>', 'per-layer roles, e.g. actor/hidden_0=frozen,actor/hidden_1=lora:4:8,actor/head=full').argParser(layerPlanValue))
      .addOption(new Option('--ewc-lambda <λ>', "EWC: penalise λ·Σ F·(θ − θ_base)² with the base's Fisher on its source markets").argParser(numberValue(0)))
      .addOption(new Option('--ewc-states <n>', 'EWC: source-market states for the Fisher').argParser(integerValue(1)));
  }
  return command
    .option('--distill-from <teacher>', `distil from a teacher: a rule (${RULE_STRATEGIES.map((d) => d.name).join(', ')}) or a policy checkpoint directory`)
    .option('--distill-base <dir>', 'base checkpoint of an adapter teacher')
    .addOption(new Option('--distill-params <json>', 'rule teacher parameters, e.g. \'{"fast":10,"slow":30}\'').argParser(jsonObjectValue))
    .addOption(new Option('--distill-weight <w>', 'distillation weight after the ramp').argParser(numberValue(0)).default(1))
    .addOption(new Option('--distill-ramp <f>', 'share of training the weight ramps up over').argParser(numberValue(0, 1)).default(0.3))
    .addOption(new Option('--distill-after <mode>', 'after the ramp').choices(['hold', 'decay']).default('hold'))
    .addOption(new Option('--distill-temperature <τ>', 'distillation temperature').argParser(numberValue(0, Infinity, true)))
    .addOption(new Option('--bc-epochs <n>', 'behaviour-cloning epochs on the teacher before PPO').argParser(integerValue(0)).default(20))
    .addOption(new Option('--randomize <json>', 'per-episode domain randomisation, e.g. \'{"commissionBps":[2,20],"slippageBps":[2,20],"volatilityScale":[0.7,1.5]}\'').argParser(jsonObjectValue))
    .option('--curriculum <file|json>', 'curriculum stages (JSON array or a file): [{"name","conditions":{…},"until":{"steps"|"meanReturn"}}, …]')
    .addOption(new Option('--probe-states <n>', 'states of the drift/agreement monitor probe set (0 = off)').argParser(integerValue(0)).default(512));
}

/** The knowledge settings the flags describe, validated (the monitor is on unless `--probe-states 0`). */
export async function knowledgeOf(flags: KnowledgeFlags): Promise<KnowledgeSettings> {
  const randomize = flags.randomize === undefined ? undefined : checkEpisodeConditionRanges(validateWithSchema(EpisodeConditionsSchema, flags.randomize, '--randomize'), '--randomize');
  const curriculum = flags.curriculum === undefined ? undefined : validateWithSchema(CurriculumSchema, await jsonFromFileOrText(flags.curriculum), '--curriculum');
  return {
    probeStates: flags.probeStates,
    ...(flags.layers !== undefined && { layers: flags.layers }),
    ...(flags.ewcLambda !== undefined && { ewc: { lambda: flags.ewcLambda, ...(flags.ewcStates !== undefined && { fisherStates: flags.ewcStates }) } }),
    ...(flags.distillFrom !== undefined && {
      distill: {
        teacher: teacherOf(flags),
        maxWeight: flags.distillWeight,
        rampFraction: flags.distillRamp,
        after: flags.distillAfter,
        behaviourCloningEpochs: flags.bcEpochs,
        ...(flags.distillTemperature !== undefined && { temperature: flags.distillTemperature }),
      },
    }),
    ...(randomize !== undefined && { conditions: randomize }),
    ...(curriculum !== undefined && { curriculum }),
  };
}

function teacherOf(flags: KnowledgeFlags): TeacherSpec {
  const name = flags.distillFrom!;
  if (RULE_STRATEGIES.some((d) => d.name === name)) return { rule: name, ...(flags.distillParams !== undefined && { params: flags.distillParams }) };
  return { checkpoint: name, ...(flags.distillBase !== undefined && { base: flags.distillBase }) };
}

async function jsonFromFileOrText(text: string): Promise<unknown> {
  const source = text.trimStart().startsWith('[') ? text : await readFile(text, 'utf8');
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new InvalidArgumentError(`--curriculum: not valid JSON (${(error as Error).message}); give a JSON array of stages or a file holding one.`);
  }
}

function layerPlanValue(text: string): LayerPlan {
  try {
    return parseLayerPlan(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
