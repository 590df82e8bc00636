import { describe, expect, it } from 'vitest';
import type { BarEvent, TelemetryEvent } from '../../src/core/telemetry.js';
import type { OutboundMessage } from '../../src/server/client-channel.js';
import { RunHub } from '../../src/server/run-hub.js';

class Recorder {
  readonly messages: OutboundMessage[] = [];
  send(message: OutboundMessage): void {
    this.messages.push(message);
  }
  types(): string[] {
    return this.messages.map((m) => (JSON.parse(m.data) as TelemetryEvent).type);
  }
}

const started = (runId: string, kind: 'simulation' | 'training' = 'simulation'): TelemetryEvent => ({ type: 'run.started', runId, kind, title: `title of ${runId}` });
const bar = (runId: string, barIndex: number): BarEvent => ({
  type: 'bar', runId, barIndex, timestamp: barIndex * 1000, open: 1, high: 1, low: 1, close: 1, volume: 0,
  action: 2, probs: null, value: null, position: 0, equity: 100 + barIndex, drawdown: 0, reward: null,
});
const finished = (runId: string): TelemetryEvent => ({ type: 'run.finished', runId, status: 'completed', summary: { bars: 3 } });

describe('RunHub', () => {
  it('relays a run\'s events only to its subscribers, serialized once and shared', () => {
    const hub = new RunHub();
    const a = new Recorder();
    const b = new Recorder();
    const other = new Recorder();
    hub.publish(started('r1'));
    hub.publish(started('r2'));
    hub.subscribe('r1', a);
    hub.subscribe('r1', b);
    hub.subscribe('r2', other);
    hub.publish(bar('r1', 1));
    expect(a.messages.at(-1)).toBe(b.messages.at(-1));
    expect(a.messages.at(-1)).toEqual({ data: JSON.stringify(bar('r1', 1)), coalesceKey: 'bar:r1' });
    expect(other.types()).toEqual(['run.started']);
  });

  it('replays start, recent bars, trades, latest metrics and the finish to a late subscriber', () => {
    const hub = new RunHub({ replayLimits: { bars: 2, trades: 10, trainUpdates: 10 } });
    hub.publish(started('r'));
    for (let i = 1; i <= 5; i++) hub.publish(bar('r', i));
    hub.publish({ type: 'trade', runId: 'r', barIndex: 3, timestamp: 3000, side: 'buy', quantity: 1, price: 1, commission: 0, positionAfter: 1 });
    hub.publish({ type: 'metrics', runId: 'r', barIndex: 4, totalReturn: 0.1, sharpe: null, maxDrawdown: 0, equity: 110 });
    hub.publish({ type: 'metrics', runId: 'r', barIndex: 5, totalReturn: 0.2, sharpe: 1, maxDrawdown: 0, equity: 120 });
    hub.publish(finished('r'));
    const late = new Recorder();
    expect(hub.subscribe('r', late)).toBe(true);
    expect(late.types()).toEqual(['run.started', 'bar', 'bar', 'trade', 'metrics', 'run.finished']);
    const bars = late.messages.slice(1, 3).map((m) => (JSON.parse(m.data) as BarEvent).barIndex);
    expect(bars).toEqual([4, 5]);
    expect(late.messages.slice(1, 3).every((m) => m.coalesceKey === null)).toBe(true);
    expect(JSON.parse(late.messages[4]!.data)).toMatchObject({ totalReturn: 0.2 });
    expect(hub.get('r')!.info.status).toBe('completed');
    expect(hub.subscribe('unknown', late)).toBe(false);
  });

  it('keeps subscribers\' runs going when a subscriber leaves', () => {
    const hub = new RunHub();
    const stays = new Recorder();
    const leaves = new Recorder();
    hub.publish(started('r'));
    hub.subscribe('r', stays);
    hub.subscribe('r', leaves);
    hub.removeSubscriber(leaves);
    hub.publish(bar('r', 1));
    expect(stays.types()).toEqual(['run.started', 'bar']);
    expect(leaves.types()).toEqual(['run.started']);
  });

  it('registers runs published from outside (a training run from the CLI) and lists them', () => {
    const hub = new RunHub({ now: () => 42 });
    const lists: string[][] = [];
    hub.onListChange((runs) => lists.push(runs.map((r) => `${r.runId}:${r.kind}:${r.status}`)));
    hub.publish(started('train-1', 'training'));
    hub.publish({ type: 'train.update', runId: 'train-1', update: 1, totalSteps: 2048, policyLoss: 0.1, valueLoss: 0.2, entropy: 1.5, approxKl: 0.01, clipFraction: 0.1, explainedVariance: null, meanEpisodeReturn: null, stepsPerSec: 1000, adapterDeltaNorm: 0.5 });
    hub.publish(finished('train-1'));
    expect(lists).toEqual([['train-1:training:running'], ['train-1:training:completed']]);
    expect(hub.list()[0]).toEqual({ runId: 'train-1', kind: 'training', title: 'title of train-1', status: 'completed', controllable: false, startedAt: 42 });
  });

  it('forgets the oldest finished runs beyond its limit', () => {
    const hub = new RunHub({ maxFinishedRuns: 2 });
    for (const id of ['a', 'b', 'c']) {
      hub.publish(started(id));
      hub.publish(finished(id));
    }
    hub.publish(started('running'));
    expect(hub.list().map((r) => r.runId)).toEqual(['b', 'c', 'running']);
  });

  it('stopAll stops every controllable run and waits until each has finished', async () => {
    const hub = new RunHub();
    hub.publish(started('sim'));
    let stopped = false;
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    hub.attachControl('sim', {
      pause() {}, resume() {}, setSpeed() {},
      stop() {
        stopped = true;
        setTimeout(() => {
          hub.publish({ type: 'run.finished', runId: 'sim', status: 'stopped', summary: {} });
          finish();
        }, 10);
      },
      done,
    });
    expect(hub.list()[0]!.controllable).toBe(true);
    await hub.stopAll();
    expect(stopped).toBe(true);
    expect(hub.get('sim')!.info).toMatchObject({ status: 'stopped', controllable: false });
    expect(hub.control('sim')).toBeUndefined();
  });
});
