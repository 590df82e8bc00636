import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/nn/model-store.js';
import { runDemo } from '../../src/runs/demo.js';
import { demoSpec } from '../../src/runs/demo-spec.js';

const quiet = { log: () => {}, phaseOptions: () => ({ hooks: { log: () => {} } }) };

describe('runDemo (quick scale)', () => {
  it('trains, backtests six strategies, writes the report and checkpoints, and repeats exactly for its seed', async () => {
    const runsDir = await mkdtemp(path.join(tmpdir(), 'tradegym-demo-'));
    const first = await runDemo({ ...quiet, seed: 3, scale: 'quick', runsDir, now: new Date(Date.UTC(2024, 0, 1)) });
    const second = await runDemo({ ...quiet, seed: 3, scale: 'quick', runsDir, now: new Date(Date.UTC(2024, 0, 2)) });

    expect(first.results.map((r) => r.label)).toEqual(['base zero-shot', 'LoRA fine-tune', 'full fine-tune', 'PPO from scratch', 'buy & hold', 'SMA 10/30']);
    expect(second.results.map((r) => r.result.finalEquity)).toEqual(first.results.map((r) => r.result.finalEquity));
    expect(second.results.map((r) => r.result.metrics.sharpe)).toEqual(first.results.map((r) => r.result.metrics.sharpe));

    expect(first.demoDir).toBe(path.join(runsDir, 'demo-20240101-000000'));
    expect(first.reportPath!.startsWith(first.demoDir)).toBe(true);
    expect(await readFile(first.reportPath!, 'utf8')).toContain('LoRA fine-tune');
    expect(first.table).toContain('Trainable params');
    for (const name of ['base', 'lora', 'full-finetune', 'scratch']) {
      expect((await readManifest(path.join(first.demoDir, 'checkpoints', name))).format).toBe('tradegym-checkpoint');
    }
    expect((await readManifest(path.join(first.demoDir, 'checkpoints', 'lora'))).kind).toBe('adapter');
  });
});

describe('demoSpec', () => {
  it('keeps the target scarce and held out: fine-tuning on its first 2 years, backtest on the rest', () => {
    const spec = demoSpec(7);
    expect(spec.split).toEqual({ train: 0.2, part: 'test' });
    const target = 'synthetic' in spec.data ? spec.data.synthetic : undefined;
    expect(Math.round(target!.bars * spec.split!.train)).toBe(504);
    expect(spec.transfer?.sources).toHaveLength(3);
    expect(spec.transfer?.lora).toMatchObject({ rank: 8, alpha: 16 });
    expect(spec.seed).toBe(7);
  });

  it('draws sources and target from one family and scales the reward to the target\'s bars', () => {
    const spec = demoSpec(7);
    const target = 'synthetic' in spec.data ? spec.data.synthetic : undefined;
    for (const source of spec.transfer!.sources) {
      expect('synthetic' in source && source.synthetic.signal?.kind).toBe(target!.signal!.kind);
    }
    expect(spec.transfer?.rewardOptions).toMatchObject({ priorVariance: target!.volatilityPerBar! ** 2 });
  });
});
