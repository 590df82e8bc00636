/**
 * Backpressure over real loopback TCP: a client that stops reading must not make the
 * server buffer without bound. Its bars are coalesced (only the latest is kept) while its
 * trades and the run's end are still delivered; a client that keeps up gets every bar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientChannel } from '../../src/server/client-channel.js';
import { startRealHarness, type RealHarness } from './real-harness.js';

const BARS = 20_000;
let h: RealHarness;

beforeAll(async () => {
  h = await startRealHarness(BARS, { channel: { highWaterMarkBytes: 64 * 1024 } });
});
afterAll(() => h.close());

describe('slow WebSocket client', () => {
  it('gets coalesced bars from a bounded queue, but every trade and the finish; a fast client gets every bar', async () => {
    const fast = await h.connect();
    const slow = await h.connect();
    fast.send({ type: 'sim.start', requestId: 'go', dataId: 'market.csv', strategyId: 'sma-crossover', params: { fast: 5, slow: 20 }, speed: 200 });
    const runId = (await fast.waitFor('ack', (a) => a.requestId === 'go')).runId!;
    slow.send({ type: 'subscribe', runId, requestId: 'sub' });
    await slow.waitFor('ack', (a) => a.requestId === 'sub');
    slow.socket.pause(); // stop reading: the kernel buffers fill, then the server sees bufferedAmount grow
    fast.send({ type: 'sim.speed', runId, speed: 'max' });

    const finished = await fast.waitFor('run.finished', (m) => m.runId === runId, 0, 60_000);
    const channels = [...h.server.hub.get(runId)!.subscribers] as ClientChannel[];
    const slowChannel = channels.find((c) => c.stats.coalesced > 0);
    expect(slowChannel, 'the paused client\'s bars were coalesced').toBeDefined();
    expect(slowChannel!.stats.peakQueued).toBeLessThanOrEqual(10 + (finished.summary.trades as number));
    const heapAtEnd = process.memoryUsage().heapUsed;

    slow.socket.resume();
    await slow.waitFor('run.finished', (m) => m.runId === runId, 0, 60_000);
    const slowBars = slow.of('bar').filter((b) => b.runId === runId);
    const fastBars = fast.of('bar').filter((b) => b.runId === runId);
    expect(fastBars).toHaveLength(BARS - 1);
    expect(slowBars.length).toBeLessThan(BARS - 1);
    expect(slowBars.at(-1)!.barIndex).toBe(BARS - 1); // the latest bar is never lost
    expect(slowBars.map((b) => b.barIndex)).toEqual([...slowBars.map((b) => b.barIndex)].sort((a, b) => a - b));
    const trades = (c: typeof slow) => c.of('trade').filter((t) => t.runId === runId);
    expect(trades(slow)).toEqual(trades(fast));
    expect(trades(slow)).toHaveLength(finished.summary.trades as number);
    console.log(`slow client: ${slowBars.length} of ${BARS - 1} bars delivered, ${slowChannel!.stats.coalesced} coalesced, peak queue ${slowChannel!.stats.peakQueued}, heap ${(heapAtEnd / 2 ** 20).toFixed(1)} MiB`);
  });
});
