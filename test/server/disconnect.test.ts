import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealHarness, type RealHarness } from './real-harness.js';

let h: RealHarness;

beforeAll(async () => {
  h = await startRealHarness(2_000);
});
afterAll(() => h.close());

describe('client disconnecting mid-run', () => {
  it('does not stop the run: it completes, and another client can still watch it to the end', async () => {
    const starter = await h.connect();
    starter.send({ type: 'sim.start', requestId: 'go', dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 2_000 });
    const runId = (await starter.waitFor('ack', (a) => a.requestId === 'go')).runId!;
    await starter.waitFor('bar', (b) => b.runId === runId && b.barIndex >= 50);
    starter.socket.terminate(); // abrupt: no close handshake
    await starter.closed;
    expect(h.server.hub.get(runId)!.info.status).toBe('running');

    const watcher = await h.connect();
    watcher.send({ type: 'subscribe', runId });
    const finished = await watcher.waitFor('run.finished', (m) => m.runId === runId);
    expect(finished.status).toBe('completed');
    expect(finished.summary.steps).toBe(1_999);
    expect(h.server.hub.get(runId)!.subscribers.size).toBe(1);
  });
});
