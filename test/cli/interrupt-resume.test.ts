import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, lastJsonLine, runInProcess, spawnCli, tempDir } from './cli-harness.js';

const ARGS = ['--markets', 'synthetic:seed=1,bars=400', '--hidden', '8,8', '--n-envs', '2', '--n-steps', '64', '--episode-length', '64', '--seed', '5'];

describe('Ctrl-C during training', () => {
  it('stops after the current update, leaves a valid checkpoint, exits 130; --resume continues it exactly (Adam state and action replay)', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'base');
    const child = spawnCli(['pretrain', ...ARGS, '--steps', '10000000', '--out', out]);
    const finished = collect(child);
    // Interrupt once the progress bar reports a measured speed, i.e. at least one update ran.
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr!.on('data', (d: Buffer) => {
        seen += d.toString();
        if (/\| \d+ steps\/s/.test(seen)) resolve();
      });
    });
    child.kill('SIGINT');
    const run = await finished;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Ctrl-C: stopping after the current update');
    expect(run.stdout).toMatch(/stopped after \d+ of 10000000 steps \(\d+ updates\); base checkpoint saved to /);
    expect(run.stdout).toContain(`continue with: tradegym pretrain --resume ${out}`);

    const stopped = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { kind: string; trainingConfig: { progress: { status: string; totalSteps: number; updatesDone: number } } };
    expect(stopped.kind).toBe('base');
    const progress = stopped.trainingConfig.progress;
    expect(progress.status).toBe('stopped');
    expect(progress.totalSteps).toBe(progress.updatesDone * 128);
    expect(progress.totalSteps).toBeGreaterThan(0);

    const target = progress.totalSteps + 256;
    const resumed = await runInProcess(['pretrain', '--resume', out, '--steps', String(target), '--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming at step ${progress.totalSteps}: Adam continues at its step `);
    expect(resumed.stderr).toContain(`the envs replay ${progress.totalSteps} logged actions (exact resume)`);
    expect(lastJsonLine(resumed.stdout)).toMatchObject({ status: 'completed', totalSteps: target, updates: progress.updatesDone + 2, checkpoint: out });
    const done = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as typeof stopped;
    expect(done.trainingConfig.progress).toMatchObject({ status: 'completed', totalSteps: target });
  });
});
