import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smaCrossover } from '../../strategies/sma-crossover.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { isTradegymError } from '../../src/core/errors.js';
import { createRng, Rng } from '../../src/core/rng.js';
import { dataFingerprint } from '../../src/data/fingerprint.js';
import { generateSyntheticMarket } from '../../src/data/synthetic-market.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { saveCheckpoint } from '../../src/nn/model-store.js';
import type { Market } from '../../src/runs/load-market.js';
import { buildTeacherDataset } from '../../src/runs/teacher-dataset.js';

const levels = [-1, -0.5, 0, 0.5, 1];
let market: Market;
let root: string;

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
  root = await mkdtemp(path.join(tmpdir(), 'tradegym-teacher-'));
  const series = generateSyntheticMarket({ bars: 400 }, createRng(1)).series;
  market = { label: 'SYN', source: { kind: 'synthetic', seed: 1, options: { bars: 400 }, label: 'SYN' }, series, features: computeFeatures(series), fingerprint: dataFingerprint(series) };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('buildTeacherDataset', () => {
  it('labels every observable training bar with the rule’s backtest decision (smoothed one-hot)', async () => {
    const range = { start: 0, end: 300 };
    const { data, label } = await buildTeacherDataset({ rule: 'sma-crossover', params: { fast: 5, slow: 20 } }, [market], [range], levels, { smoothing: 0.1 });
    const first = market.features.firstValidIndex;
    expect(label).toContain('sma-crossover');
    expect(data.count).toBe(300 - 1 - first);
    const decisions = runBacktest({ bars: market.series, strategy: smaCrossover({ fast: 5, slow: 20 }), actionLevels: levels, range: { start: first, end: 300 } }).actions;
    for (let i = 0; i < data.count; i++) {
      const row = Array.from(data.targets.subarray(i * 5, i * 5 + 5));
      expect(row.indexOf(Math.max(...row))).toBe(decisions[i]);
      expect(Math.max(...row)).toBeCloseTo(0.9 + 0.02, 6);
      expect(Array.from(data.observations.subarray(i * 20, i * 20 + 20))).toEqual(Array.from(market.features.values.subarray((first + i) * 20, (first + i + 1) * 20)));
    }
  });

  it('uses a policy checkpoint’s probabilities as targets and rejects one with other action levels', async () => {
    const teacher = ActorCritic.create({ observationSize: 20, actionCount: 5, actorHidden: [8], criticHidden: [8] }, new Rng(2));
    const dir = path.join(root, 'teacher');
    await saveCheckpoint(dir, teacher, 'base', { featureNames: market.features.names, actionLevels: levels });
    const { data } = await buildTeacherDataset({ checkpoint: dir }, [market], [{ start: 0, end: 300 }], levels);
    const probs = teacher.act(data.observations, data.count, new Rng(0), true).probs;
    data.targets.forEach((p, i) => expect(p).toBeCloseTo(probs[i]!, 6));
    await expect(buildTeacherDataset({ checkpoint: dir }, [market], [{ start: 0, end: 300 }], [0, 0.25, 0.5, 0.75, 1])).rejects.toSatisfy((e: unknown) => isTradegymError(e, 'E_CHECKPOINT'));
    teacher.dispose();
  });
});
