import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type AppHarness } from './app-harness.js';
import { startRealHarness } from './real-harness.js';

let h: AppHarness;

beforeAll(async () => {
  h = await startHarness(10, { limits: { messagesPerSecond: 20, burst: 40 } });
});
afterAll(() => h.close());

describe('WebSocket rate limiting (token bucket)', () => {
  it('drops a flood beyond the burst with one E_RATE_LIMITED error; other clients are unaffected', async () => {
    const flooder = await h.connect();
    const neighbour = await h.connect();
    for (let i = 0; i < 300; i++) flooder.send({ type: 'unsubscribe', runId: 'r', requestId: `f${i}` });
    neighbour.send({ type: 'unsubscribe', runId: 'r', requestId: 'n' });
    await neighbour.waitFor('ack', (a) => a.requestId === 'n');
    await flooder.waitFor('error', (e) => e.code === 'E_RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 100));
    const acks = flooder.of('ack').length;
    expect(acks).toBeGreaterThanOrEqual(40);
    expect(acks).toBeLessThan(50); // the burst plus what refilled while the flood arrived
    expect(flooder.of('ack').map((a) => a.requestId)).toEqual(Array.from({ length: acks }, (_, i) => `f${i}`));
    expect(flooder.of('error')).toHaveLength(1);
    expect(neighbour.of('error')).toHaveLength(0);

    await new Promise((r) => setTimeout(r, 600)); // ≈ 12 tokens refill
    flooder.send({ type: 'unsubscribe', runId: 'r', requestId: 'after' });
    expect((await flooder.waitFor('ack', (a) => a.requestId === 'after')).command).toBe('unsubscribe');
  });

  it('disconnects a client that keeps flooding (1008) and keeps serving the others', async () => {
    const real = await startRealHarness(10, { limits: { messagesPerSecond: 20, burst: 40 } });
    const flooder = await real.connect();
    const neighbour = await real.connect();
    for (let i = 0; i < 1200; i++) flooder.send({ type: 'unsubscribe', runId: 'r' });
    expect((await flooder.closed).code).toBe(1008);
    neighbour.send({ type: 'unsubscribe', runId: 'r', requestId: 'still' });
    await neighbour.waitFor('ack', (a) => a.requestId === 'still');
    await real.close();
  });
});

describe('WebSocket frame size limits', () => {
  it('closes a connection sending a frame above the hard cap (1009), other clients unaffected', async () => {
    const real = await startRealHarness(10, { maxPayloadBytes: 64 * 1024 });
    const giant = await real.connect();
    const neighbour = await real.connect();
    giant.send({ type: 'subscribe', runId: 'x'.repeat(100 * 1024) });
    expect((await giant.closed).code).toBe(1009);
    neighbour.send({ type: 'unsubscribe', runId: 'r', requestId: 'ok' });
    await neighbour.waitFor('ack', (a) => a.requestId === 'ok');
    await real.close();
  });
});
