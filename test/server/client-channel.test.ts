import { describe, expect, it } from 'vitest';
import { ClientChannel, CLOSE_TOO_SLOW, type OutboundMessage } from '../../src/server/client-channel.js';
import type { WsSocket } from '../../src/server/ws-socket.js';

/** A transport whose kernel buffer the test fills and drains by hand. */
class ManualSocket implements WsSocket {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  closedWith: number | null = null;
  send(data: string): void {
    this.sent.push(data);
    this.bufferedAmount += data.length;
  }
  close(code?: number): void {
    this.closedWith = code ?? 1000;
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
  on(): this {
    return this;
  }
}

const bar = (i: number): OutboundMessage => ({ data: `bar${i}`, coalesceKey: 'bar:run' });
const trade = (i: number): OutboundMessage => ({ data: `trade${i}`, coalesceKey: null });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ClientChannel', () => {
  it('writes straight through while the socket buffer is below the high-water mark', () => {
    const socket = new ManualSocket();
    const channel = new ClientChannel(socket, { highWaterMarkBytes: 1000 });
    for (let i = 0; i < 10; i++) channel.send(bar(i));
    expect(socket.sent).toHaveLength(10);
    expect(channel.stats).toMatchObject({ sent: 10, coalesced: 0, queued: 0 });
  });

  it('behind a full buffer keeps only the latest bar but every trade, in order', async () => {
    const socket = new ManualSocket();
    const channel = new ClientChannel(socket, { highWaterMarkBytes: 50, flushIntervalMs: 1 });
    socket.bufferedAmount = 100; // the client stopped reading
    channel.send(bar(1));
    channel.send(trade(1));
    for (let i = 2; i <= 1000; i++) channel.send(bar(i));
    channel.send(trade(2));
    channel.send({ data: 'finished', coalesceKey: null });
    expect(socket.sent).toEqual([]);
    expect(channel.stats.queued).toBe(4); // trade1, bar1000, trade2, finished
    expect(channel.stats.coalesced).toBe(999);
    socket.bufferedAmount = 0; // the client caught up
    await wait(20);
    expect(socket.sent).toEqual(['trade1', 'bar1000', 'trade2', 'finished']);
    expect(channel.stats.queued).toBe(0);
    channel.dispose();
  });

  it('keeps its queue bounded by the number of keys under an endless bar stream', () => {
    const socket = new ManualSocket();
    const channel = new ClientChannel(socket, { highWaterMarkBytes: 10 });
    socket.bufferedAmount = 100;
    for (let i = 0; i < 200_000; i++) {
      channel.send(bar(i));
      channel.send({ data: `metrics${i}`, coalesceKey: 'metrics:run' });
    }
    expect(channel.stats.queued).toBe(2);
    expect(channel.stats.peakQueued).toBe(2);
    channel.dispose();
  });

  it('disconnects a client whose must-deliver backlog exceeds the cap (1013) instead of growing', () => {
    const socket = new ManualSocket();
    const channel = new ClientChannel(socket, { highWaterMarkBytes: 10, maxQueuedMessages: 100 });
    socket.bufferedAmount = 100;
    for (let i = 0; i < 500; i++) channel.send(trade(i));
    expect(socket.closedWith).toBe(CLOSE_TOO_SLOW);
    expect(channel.stats.overflowed).toBe(true);
    expect(channel.stats.queued).toBe(0);
  });

  it('flushAll writes the whole queue regardless of the buffer (used before closing)', () => {
    const socket = new ManualSocket();
    const channel = new ClientChannel(socket, { highWaterMarkBytes: 10 });
    socket.bufferedAmount = 100;
    channel.send(trade(1));
    channel.send(bar(1));
    channel.flushAll();
    expect(socket.sent).toEqual(['trade1', 'bar1']);
    channel.dispose();
  });

  it('drops everything once the socket is no longer open', () => {
    const socket = new ManualSocket();
    const channel = new ClientChannel(socket);
    socket.readyState = 3;
    channel.send(trade(1));
    expect(socket.sent).toEqual([]);
    expect(channel.stats.queued).toBe(0);
  });
});
