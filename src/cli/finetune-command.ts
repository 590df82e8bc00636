import { type Command, Option } from 'commander';
import type { CommandContext } from './command-context.js';
import { addKnowledgeOptions, knowledgeOf, type KnowledgeFlags } from './knowledge-options.js';
import { integerValue, numberValue } from './option-parsers.js';
import { resumePlan } from './resume-target.js';
import { runTrainingCommand } from './run-training.js';
import { addTrainingOptions, trainingSettingsOf, type TrainingFlags } from './training-options.js';

interface FinetuneFlags extends TrainingFlags, KnowledgeFlags {
  base?: string;
  market?: string;
  rank: number;
  alpha: number;
  klCoef: number;
  trainHeads?: boolean;
}

/** Default share of the target's bars used for fine-tuning; the rest is the held-out test range. */
const FINETUNE_TRAIN_FRACTION = 0.7;

/** `tradegym finetune --base <dir> --market <csv> --rank 8 --alpha 16 --out <dir>`: LoRA PPO on the target's training range. */
export function registerFinetuneCommand(program: Command, context: CommandContext): void {
  const command = program.command('finetune')
    .description("fine-tune LoRA adapters of a base policy with PPO on a target market's training range")
    .option('--base <dir>', 'base (or merged) checkpoint to start from')
    .option('--market <market>', 'target market: CSV path, sample:<name> or synthetic:…')
    .addOption(new Option('--rank <r>', 'LoRA rank; 0 = full fine-tune of every layer').argParser(integerValue(0, 1024)).default(8))
    .addOption(new Option('--alpha <α>', 'LoRA scale numerator (update scaled by α/r)').argParser(numberValue(0, Infinity, true)).default(16))
    .addOption(new Option('--kl-coef <c>', 'weight of the KL(π‖π_base) penalty; 0 = off (KL is logged either way)').argParser(numberValue(0)).default(0))
    .option('--train-heads', 'also train the policy and value heads (default: frozen)');
  addKnowledgeOptions(command, true);
  addTrainingOptions(command, FINETUNE_TRAIN_FRACTION).action(async (flags: FinetuneFlags, cmd: Command) => {
    if (flags.resume === undefined && (flags.base === undefined || flags.market === undefined || flags.out === undefined)) {
      cmd.error('error: finetune needs --base <dir>, --market <market> and --out <dir> (or --resume <dir>)', { exitCode: 2 });
    }
    const { runFinetune, resumeFinetune } = await import('../runs/finetune.js');
    const settings = trainingSettingsOf(flags, FINETUNE_TRAIN_FRACTION);
    if (flags.resume !== undefined) {
      const { targetSteps, changes } = await resumePlan(flags.resume, flags.steps, flags.out);
      await runTrainingCommand(context, flags, 'finetune', targetSteps, (options) => resumeFinetune(flags.resume!, changes, options));
      return;
    }
    const request = {
      ...settings,
      base: flags.base!,
      market: flags.market!,
      out: flags.out!,
      rank: flags.rank,
      alpha: flags.alpha,
      klCoef: flags.klCoef,
      heads: flags.trainHeads ? ('trainable' as const) : ('frozen' as const),
      knowledge: await knowledgeOf(flags),
    };
    await runTrainingCommand(context, flags, 'finetune', settings.steps, (options) => runFinetune(request, options));
  });
}
