import type { Command } from 'commander';
import { type CommandContext, printJsonResult } from './command-context.js';
import { addBackendOption, addJsonOption, type BackendFlags, type JsonFlags } from './shared-options.js';

interface MergeFlags extends BackendFlags, JsonFlags {
  base: string;
  adapter: string;
  out: string;
}

/** `tradegym merge --base <dir> --adapter <dir> --out <dir>`: fold an adapter into its base. */
export function registerMergeCommand(program: Command, context: CommandContext): void {
  const command = program.command('merge')
    .description('fold a LoRA adapter into its base and write a standalone merged checkpoint')
    .requiredOption('--base <dir>', 'base checkpoint the adapter was fine-tuned from')
    .requiredOption('--adapter <dir>', 'adapter checkpoint')
    .requiredOption('--out <dir>', 'merged checkpoint directory to write');
  addJsonOption(addBackendOption(command)).action(async (flags: MergeFlags) => {
    const { runMerge } = await import('../runs/merge.js');
    const outcome = await runMerge({ base: flags.base, adapter: flags.adapter, out: flags.out }, { backend: flags.backend, log: (line) => context.io.err(line) });
    const { parameters } = outcome.manifest;
    context.io.out(`merged checkpoint written to ${outcome.checkpointDir} (${parameters.stored.toLocaleString('en-US')} parameters; max |Δ| vs base+adapter ${outcome.maxAbsDifference.toExponential(1)})`);
    if (flags.json) {
      printJsonResult(context.io, { checkpoint: outcome.checkpointDir, kind: outcome.manifest.kind, parameters, maxAbsDifference: outcome.maxAbsDifference, baseFingerprint: outcome.manifest.baseFingerprint });
    }
  });
}
