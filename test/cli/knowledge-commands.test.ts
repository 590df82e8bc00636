import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runInProcess, tempDir } from './cli-harness.js';

const SMALL = ['--n-envs', '2', '--n-steps', '64', '--episode-length', '64', '--seed', '3', '--probe-states', '64'];
const SOURCES = ['synthetic:seed=1,bars=400,signal=momentum:0.3', 'synthetic:seed=2,bars=400'];
const TARGET = 'synthetic:seed=3,bars=500,signal=mean-reversion:0.3';

// `any`: parsed manifest JSON, checked field by field in the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function manifest(dir: string): Promise<Json> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Json;
}

describe('knowledge-injection flags', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    const run = await runInProcess(['pretrain', '--markets', ...SOURCES, '--out', path.join(dir, 'base'), '--steps', '256', '--hidden', '8,8', ...SMALL]);
    expect(run.code).toBe(0);
  });

  it('finetune --layers --ewc-lambda --randomize --curriculum records each piece and the monitor in the manifest', async () => {
    const out = path.join(dir, 'layered');
    const curriculum = JSON.stringify([{ name: 'calm', conditions: { regimeQuantiles: [0, 0.5] }, until: { steps: 128 } }, { name: 'all', conditions: {} }]);
    const run = await runInProcess([
      'finetune', '--base', path.join(dir, 'base'), '--market', TARGET, '--out', out, '--steps', '256', ...SMALL,
      '--rank', '2', '--alpha', '4', '--layers', 'actor/hidden_0=frozen,actor/head=full', '--ewc-lambda', '0.5', '--ewc-states', '64',
      '--randomize', '{"commissionBps":[0,20],"volatilityScale":[0.8,1.25]}', '--curriculum', curriculum, '--json',
    ]);
    expect(run.stderr).toMatch(/EWC: diagonal Fisher of the base on 64 states/);
    expect(run.code).toBe(0);
    const m = await manifest(out);
    expect(m.lora.layers).toEqual({ 'actor/hidden_0': 'frozen', 'actor/head': 'full' });
    const k = m.trainingConfig.knowledge;
    expect(k.ewc).toMatchObject({ lambda: 0.5, states: 64 });
    expect(k.curriculum.map((s: Json) => s.name)).toEqual(['calm', 'all']);
    expect(k.layers.find((l: Json) => l.name === 'actor/hidden_0').trainable).toBe(0);
    expect(m.trainingConfig.request.knowledge.conditions).toEqual({ commissionBps: [0, 20], volatilityScale: [0.8, 1.25] });
    for (const field of ['monitor/agreement', 'monitor/probeKl', 'monitor/probeEntropy', 'monitor/driftMax', 'monitor/ewcPenalty', 'losses/ewc']) {
      expect(typeof m.finalMetrics[field]).toBe('number');
    }
  });

  it('pretrain --distill-from <rule> clones the teacher, then mixes in the distillation term', async () => {
    const out = path.join(dir, 'student');
    const run = await runInProcess(['pretrain', '--markets', TARGET, '--train-fraction', '0.7', '--out', out, '--steps', '256', '--hidden', '8', ...SMALL, '--distill-from', 'sma-crossover', '--distill-params', '{"fast":5,"slow":20}', '--bc-epochs', '2', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/behaviour cloning from rule sma-crossover.*2 epochs/);
    const m = await manifest(out);
    expect(m.trainingConfig.knowledge.distill.teacher).toContain('sma-crossover');
    expect(typeof m.finalMetrics['losses/distill']).toBe('number');
    expect(typeof m.finalMetrics['monitor/teacherAgreement']).toBe('number');
  });

  it('quantize writes an int8 checkpoint 4× smaller and reports the backtest metric change', async () => {
    const out = path.join(dir, 'base-int8');
    const run = await runInProcess(['quantize', '--checkpoint', path.join(dir, 'base'), '--out', out, '--market', TARGET, '--test-fraction', '0.5', '--json']);
    expect(run.code).toBe(0);
    const json = lastJsonLine(run.stdout) as Json;
    expect(json).toMatchObject({ dtype: 'uint8', kind: 'base', compression: 4 });
    expect(json.maxAbsError).toBeLessThanOrEqual(json.maxErrorBound * (1 + 1e-5));
    expect(typeof json.comparison.float32.sharpe === 'number' || json.comparison.float32.sharpe === null).toBe(true);
    expect((await manifest(out)).quantization).toBe('uint8');
    expect(run.stdout).toMatch(/4\.0× smaller/);
  });

  it('rejects a bad layer plan or randomisation range with a clear message and exit code ≠ 0', async () => {
    const bad = await runInProcess(['finetune', '--base', path.join(dir, 'base'), '--market', TARGET, '--out', path.join(dir, 'x'), '--layers', 'actor/hidden_0=half']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/lora:<rank>/);
    const range = await runInProcess(['finetune', '--base', path.join(dir, 'base'), '--market', TARGET, '--out', path.join(dir, 'y'), '--steps', '64', ...SMALL, '--randomize', '{"commissionBps":[20,2]}']);
    expect(range.code).not.toBe(0);
    expect(range.stderr).toMatch(/commissionBps/);
  });
});
