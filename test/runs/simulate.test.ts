import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { createRng } from '../../src/core/rng.js';
import type { BarEvent, TelemetryEvent } from '../../src/core/telemetry.js';
import { loadBarsCsv } from '../../src/data/csv-loader.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { DEFAULT_ACTION_LEVELS } from '../../src/market/action-levels.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { saveCheckpoint } from '../../src/nn/model-store.js';
import { startSimulation, type SimulationSpec } from '../../src/runs/simulate.js';
import { loadPolicyStrategy } from '../../strategies/load-policy-strategy.js';
import { createRuleStrategy } from '../../strategies/rule-strategies.js';
import { makeTempFolders, writeMarketCsv, type TempFolders } from '../server/fixtures.js';

let folders: TempFolders;
let csv: string;

beforeAll(async () => {
  folders = await makeTempFolders();
  csv = join(folders.dataDir, 'market.csv');
  await writeMarketCsv(csv, 800);
});
afterAll(() => folders.remove());

const sma = { kind: 'rule', name: 'sma-crossover', params: { fast: 5, slow: 20 } } as const;

async function simulate(spec: Partial<SimulationSpec>, control?: (h: Awaited<ReturnType<typeof startSimulation>>) => void) {
  const events: TelemetryEvent[] = [];
  const handle = await startSimulation({ runId: 'sim-t', dataPath: csv, strategy: sma, speed: 'max', ...spec }, (e) => events.push(e));
  control?.(handle);
  const finished = await handle.done;
  return { events, finished, bars: events.filter((e): e is BarEvent => e.type === 'bar') };
}

describe('startSimulation', () => {
  it('replays through the backtest engine: the same equity, trades and metrics as runBacktest', async () => {
    const { events, finished, bars } = await simulate({});
    const reference = runBacktest({ bars: await loadBarsCsv(csv), strategy: createRuleStrategy('sma-crossover', { fast: 5, slow: 20 }) });
    expect(events[0]).toMatchObject({ type: 'run.started', runId: 'sim-t', kind: 'simulation', totalBars: 800 });
    expect(bars.map((b) => b.equity)).toEqual([...reference.equity.subarray(1)]);
    expect(events.filter((e) => e.type === 'trade')).toHaveLength(reference.trades.length);
    expect(finished).toMatchObject({ status: 'completed', summary: { steps: 799, trades: reference.trades.length, finalEquity: reference.finalEquity } });
    expect((finished.summary.metrics as { sharpe: number }).sharpe).toBeCloseTo(reference.metrics.sharpe!, 12);
    expect(events.at(-1)).toBe(finished);
  });

  it('computes the same stream whatever the pacing: paced, paused, resumed and sped up', async () => {
    const fast = await simulate({});
    const paced = await simulate({ speed: 3_000 }, (h) => {
      setTimeout(() => h.pause(), 20);
      setTimeout(() => h.setSpeed(20_000), 40);
      setTimeout(() => h.resume(), 60);
    });
    expect(paced.events).toEqual(fast.events.map((e) => (e.type === 'run.started' ? { ...e, config: { ...e.config, speed: 3_000 } } : e)));
  });

  it('limits the run to the requested time range (inclusive) and stops early on request', async () => {
    const day = 86_400_000;
    const from = Date.UTC(2000, 0, 3) + 100 * day;
    const ranged = await simulate({ fromMs: from, toMs: from + 199 * day });
    expect(ranged.events[0]).toMatchObject({ totalBars: 200 });
    expect(ranged.bars[0]!.barIndex).toBe(101);
    expect(ranged.bars.at(-1)!.barIndex).toBe(299);
    const stopped = await simulate({ speed: 500 }, (h) => setTimeout(() => h.stop(), 50));
    expect(stopped.finished.status).toBe('stopped');
    expect(stopped.bars.length).toBeLessThan(799);
    expect(stopped.finished.summary.steps).toBe(stopped.bars.length);
  });

  it('rejects a bad setup before emitting anything', async () => {
    const events: TelemetryEvent[] = [];
    await expect(startSimulation({ runId: 'x', dataPath: csv, strategy: { kind: 'rule', name: 'nope' }, speed: 'max' }, (e) => events.push(e))).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
    await expect(startSimulation({ runId: 'x', dataPath: csv, strategy: sma, speed: 'max', fromMs: Date.UTC(2050, 0, 1) }, (e) => events.push(e))).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
    expect(events).toEqual([]);
  });

  it('replays a policy checkpoint with its action probabilities and value estimates, like a policy backtest', async () => {
    await selectBackend('auto', () => {});
    const dir = join(folders.checkpointsDir, 'tiny');
    await mkdir(folders.checkpointsDir, { recursive: true });
    const bars = await loadBarsCsv(csv);
    const features = computeFeatures(bars);
    const policy = ActorCritic.create({ observationSize: features.dim, actionCount: 5, actorHidden: [16], criticHidden: [16] }, createRng(3));
    await saveCheckpoint(dir, policy, 'base', { featureNames: features.names, actionLevels: [...DEFAULT_ACTION_LEVELS] });
    policy.dispose();

    const { events, finished, bars: barEvents } = await simulate({ strategy: { kind: 'checkpoint', dir, label: 'tiny' } });
    expect(finished.status).toBe('completed');
    expect(events[0]).toMatchObject({ type: 'run.started', title: 'policy:tiny on market', featureNames: features.names });
    expect(barEvents[0]!.barIndex).toBe(features.firstValidIndex + 1);
    for (const bar of barEvents) {
      expect(bar.probs).toHaveLength(5);
      expect(bar.probs!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(bar.value).toEqual(expect.any(Number));
    }
    const loaded = await loadPolicyStrategy({ checkpoint: dir, name: 'policy:tiny' });
    const reference = runBacktest({ bars, features, strategy: loaded.strategy, actionLevels: loaded.manifest.actionLevels, range: { start: features.firstValidIndex, end: 800 } });
    loaded.strategy.dispose?.();
    expect(barEvents.map((b) => b.equity)).toEqual([...reference.equity.subarray(1)]);
  });
});
