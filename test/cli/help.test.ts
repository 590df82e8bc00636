import { describe, expect, it } from 'vitest';
import { runInProcess, runSubprocess } from './cli-harness.js';

const COMMANDS = ['data', 'pretrain', 'finetune', 'backtest', 'metrics', 'merge', 'bench', 'serve', 'demo'];

describe('tradegym --help', () => {
  it('lists every command and exits 0', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('lists the data subcommands', async () => {
    const run = await runInProcess(['data', '--help']);
    expect(run.code).toBe(0);
    for (const sub of ['generate', 'inspect', 'validate']) expect(run.stdout).toContain(sub);
  });

  it('documents the shared flags on a training command', async () => {
    const run = await runInProcess(['pretrain', '--help']);
    for (const flag of ['--seed', '--backend', '--reward', '--reward-options', '--cash', '--commission-bps', '--slippage-bps', '--rebalance-band', '--sizing', '--json', '--resume']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('runs from the entry point as a separate process', async () => {
    const run = await runSubprocess(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: tradegym');
  });
});
