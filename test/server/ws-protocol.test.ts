import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/server/protocol.js';
import { startHarness, type AppHarness } from './app-harness.js';

let h: AppHarness;

beforeAll(async () => {
  h = await startHarness(600, { limits: { messagesPerSecond: 1000, burst: 1000 } });
});

afterAll(async () => {
  await h.close();
});

describe('WebSocket protocol', () => {
  it('greets with a versioned hello and the run list', async () => {
    const client = await h.connect();
    const hello = await client.waitFor('hello');
    expect(hello.version).toBe(PROTOCOL_VERSION);
    expect(hello.capabilities).toContain('simulation');
    expect(hello.limits.maxMessageBytes).toBeGreaterThan(0);
    expect((await client.waitFor('runs')).runs).toEqual(expect.any(Array));
  });

  it('answers malformed JSON, unknown types, schema violations and oversized frames with an error to that client only', async () => {
    const bad = await h.connect();
    const bystander = await h.connect();
    const before = bystander.messages.length;
    bad.send('{"type": "subscribe", ');
    bad.send({ type: 'launch.missiles' });
    bad.send({ type: 'sim.speed', runId: 'sim-1', speed: -5 });
    bad.send({ type: 'subscribe', runId: 'x', extra: true });
    bad.send({ type: 'subscribe', runId: 'x'.repeat(20_000) });
    bad.send([1, 2, 3]);
    bad.send({ type: 'subscribe', runId: 'no-such-run', requestId: 'last' });
    await bad.waitFor('error', (e) => e.requestId === 'last');
    expect(bad.of('error').map((e) => e.code)).toEqual(['E_BAD_JSON', 'E_UNKNOWN_TYPE', 'E_SCHEMA', 'E_SCHEMA', 'E_TOO_LARGE', 'E_SCHEMA', 'E_UNKNOWN_RUN']);
    const [json, type, speed, extra, large] = bad.of('error');
    expect(json!.message).toMatch(/not valid JSON/);
    expect(type!.message).toMatch(/launch\.missiles.*expected one of subscribe/);
    expect(speed!.message).toMatch(/\/speed/);
    expect(extra!.message).toMatch(/additional properties/);
    expect(large!.message).toMatch(/exceeds the limit of 16384 bytes/);
    expect(bystander.of('error')).toHaveLength(0);
    expect(bystander.messages.length).toBe(before);
    expect(bad.invalid).toEqual([]);
  });

  it('runs a simulation end to end: ack with the run id, run.started, bars, trades, metrics, run.finished', async () => {
    const client = await h.connect();
    client.send({ type: 'sim.start', requestId: 'go', dataId: 'market.csv', strategyId: 'sma-crossover', params: { fast: 5, slow: 20 }, speed: 'max' });
    const ack = await client.waitFor('ack', (a) => a.requestId === 'go');
    expect(ack.command).toBe('sim.start');
    const runId = ack.runId!;
    const started = await client.waitFor('run.started', (m) => m.runId === runId);
    expect(started).toMatchObject({ kind: 'simulation', totalBars: 600, actionLevels: [-1, -0.5, 0, 0.5, 1] });
    expect(started.title).toBe('sma-crossover(5,20) on market.csv');
    const finished = await client.waitFor('run.finished', (m) => m.runId === runId);
    expect(finished.status).toBe('completed');
    const bars = client.of('bar').filter((b) => b.runId === runId);
    expect(bars).toHaveLength(599);
    expect(bars.map((b) => b.barIndex)).toEqual(Array.from({ length: 599 }, (_, i) => i + 1));
    expect(client.of('trade').filter((t) => t.runId === runId).length).toBe(finished.summary.trades);
    expect(client.of('trade').length).toBeGreaterThan(2);
    const metrics = client.of('metrics').filter((m) => m.runId === runId);
    expect(metrics.at(-1)!.equity).toBeCloseTo(finished.summary.finalEquity as number, 9);
    expect(bars.at(-1)!.equity).toBe(finished.summary.finalEquity);
    expect(client.invalid).toEqual([]);
  });

  it('lets several clients watch one run, and only subscribers or the starter control it', async () => {
    const owner = await h.connect();
    const watcher = await h.connect();
    const stranger = await h.connect();
    owner.send({ type: 'sim.start', requestId: 's', dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 20 });
    const runId = (await owner.waitFor('ack', (a) => a.requestId === 's')).runId!;
    stranger.send({ type: 'sim.pause', runId, requestId: 'p' });
    expect((await stranger.waitFor('error', (e) => e.requestId === 'p')).code).toBe('E_NOT_ALLOWED');
    watcher.send({ type: 'subscribe', runId });
    await watcher.waitFor('run.started', (m) => m.runId === runId);
    await watcher.waitFor('bar', (b) => b.runId === runId);
    watcher.send({ type: 'sim.speed', runId, speed: 'max', requestId: 'fast' });
    await watcher.waitFor('ack', (a) => a.requestId === 'fast');
    const [a, b] = await Promise.all([owner, watcher].map((c) => c.waitFor('run.finished', (m) => m.runId === runId)));
    expect(a).toEqual(b);
    expect(owner.of('bar').filter((m) => m.runId === runId).at(-1)).toEqual(watcher.of('bar').filter((m) => m.runId === runId).at(-1));
    expect(stranger.of('bar')).toHaveLength(0);
    owner.send({ type: 'sim.stop', runId, requestId: 'late' });
    expect((await owner.waitFor('error', (e) => e.requestId === 'late')).code).toBe('E_NOT_CONTROLLABLE');
  });

  it('pauses, resumes and stops a run; a stopped run finishes with status "stopped"', async () => {
    const client = await h.connect();
    client.send({ type: 'sim.start', requestId: 'slow', dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 200 });
    const runId = (await client.waitFor('ack', (a) => a.requestId === 'slow')).runId!;
    await client.waitFor('bar', (b) => b.runId === runId && b.barIndex >= 5);
    client.send({ type: 'sim.pause', runId, requestId: 'pause' });
    await client.waitFor('ack', (a) => a.requestId === 'pause');
    expect(h.server.hub.get(runId)!.info.status).toBe('paused');
    const barsAtPause = client.of('bar').length;
    await new Promise((r) => setTimeout(r, 150));
    expect(client.of('bar').length).toBeLessThanOrEqual(barsAtPause + 1);
    client.send({ type: 'sim.resume', runId, requestId: 'resume' });
    await client.waitFor('bar', (b) => b.runId === runId && client.of('bar').length > barsAtPause + 5);
    client.send({ type: 'sim.stop', runId, requestId: 'stop' });
    const finished = await client.waitFor('run.finished', (m) => m.runId === runId);
    expect(finished.status).toBe('stopped');
    expect(finished.summary.bars).toBeLessThan(599);
    expect(h.server.hub.get(runId)!.info.status).toBe('stopped');
  });

  it('reports ids the server did not list, and never opens a path a client names', async () => {
    const client = await h.connect();
    const attempts = ['../market.csv', 'market.csv/..', '/etc/passwd', 'nope.csv', 'x/../market.csv'];
    attempts.forEach((dataId, i) => client.send({ type: 'sim.start', requestId: `a${i}`, dataId, strategyId: 'buy-and-hold', speed: 'max' }));
    client.send({ type: 'sim.start', requestId: 'strategy', dataId: 'market.csv', strategyId: 'strategies/evil.ts', speed: 'max' });
    client.send({ type: 'sim.start', requestId: 'both', dataId: 'market.csv', strategyId: 'buy-and-hold', checkpointId: 'x', speed: 'max' });
    const codes = await Promise.all([...attempts.map((_, i) => `a${i}`), 'strategy', 'both'].map(async (id) => (await client.waitFor('error', (e) => e.requestId === id)).code));
    expect(codes).toEqual(['E_SCHEMA', 'E_UNKNOWN_ID', 'E_SCHEMA', 'E_UNKNOWN_ID', 'E_UNKNOWN_ID', 'E_UNKNOWN_ID', 'E_SCHEMA']);
    expect(client.of('run.started')).toHaveLength(0);
  });

  it('reports a range without bars as a configuration error naming the data span', async () => {
    const client = await h.connect();
    client.send({ type: 'sim.start', requestId: 'r', dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 'max', from: Date.UTC(2030, 0, 1) });
    const error = await client.waitFor('error', (e) => e.requestId === 'r');
    expect(error.code).toBe('E_BAD_CONFIG');
    expect(error.message).toMatch(/holds 0 bar\(s\).*covers 2000-01-03/);
  });
});
