import type { ResumeChanges } from '../runs/pretrain.js';

/**
 * For `--resume <dir>`: the step budget the progress bar counts to (the `--steps` flag, else the
 * budget recorded in the checkpoint) and the changes to pass to the resume use case.
 */
export async function resumePlan(dir: string, steps: number | undefined, out: string | undefined): Promise<{ targetSteps: number; changes: ResumeChanges }> {
  const { readManifest } = await import('../nn/model-store.js');
  const recorded = (await readManifest(dir)).trainingConfig as { progress?: { targetSteps?: number } } | undefined;
  return {
    targetSteps: steps ?? recorded?.progress?.targetSteps ?? 0,
    changes: { ...(steps !== undefined && { steps }), ...(out !== undefined && { out }) },
  };
}
