import type { Command } from 'commander';
import { type CommandContext } from './command-context.js';
import { widthsValue } from './option-parsers.js';
import { addKnowledgeOptions, knowledgeOf, type KnowledgeFlags } from './knowledge-options.js';
import { resumePlan } from './resume-target.js';
import { runTrainingCommand } from './run-training.js';
import { addTrainingOptions, trainingSettingsOf, type TrainingFlags } from './training-options.js';

interface PretrainFlags extends TrainingFlags, KnowledgeFlags {
  markets?: string[];
  hidden: number[];
}

/** `tradegym pretrain --markets <csv|sample:…|synthetic:…> … --out <dir>`: full PPO on a pool of markets → base checkpoint. */
export function registerPretrainCommand(program: Command, context: CommandContext): void {
  const command = program.command('pretrain')
    .description('pretrain a base policy with full PPO on a pool of source markets')
    .option('--markets <market...>', 'source markets: CSV paths, sample:<name>, or synthetic:seed=<n>,bars=<n>[,signal=momentum:0.2]…')
    .option('--hidden <widths>', 'hidden layer widths of actor and critic', widthsValue, [128, 128]);
  addKnowledgeOptions(command, false);
  addTrainingOptions(command, 1).action(async (flags: PretrainFlags, cmd: Command) => {
    if (flags.resume === undefined && (flags.markets === undefined || flags.out === undefined)) {
      cmd.error("error: pretrain needs --markets <market...> and --out <dir> (or --resume <dir>)", { exitCode: 2 });
    }
    const { runPretrain, resumePretrain } = await import('../runs/pretrain.js');
    const settings = trainingSettingsOf(flags, 1);
    if (flags.resume !== undefined) {
      const { targetSteps, changes } = await resumePlan(flags.resume, flags.steps, flags.out);
      await runTrainingCommand(context, flags, 'pretrain', targetSteps, (options) => resumePretrain(flags.resume!, changes, options));
      return;
    }
    const request = { ...settings, markets: flags.markets!, out: flags.out!, actorHidden: flags.hidden, criticHidden: flags.hidden, knowledge: await knowledgeOf(flags) };
    await runTrainingCommand(context, flags, 'pretrain', settings.steps, (options) => runPretrain(request, options));
  });
}

