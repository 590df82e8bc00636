import { WS_OPEN, type WsSocket } from './ws-socket.js';

/** A serialized server message plus how it may be coalesced. */
export interface OutboundMessage {
  /** The JSON text sent on the wire (serialized once, shared by every client). */
  readonly data: string;
  /**
   * Messages with the same non-null key replace each other while queued (only the latest
   * is delivered), e.g. `bar:<runId>`. Null = must be delivered (trades, run.finished, errors).
   */
  readonly coalesceKey: string | null;
}

/** Limits of a {@link ClientChannel}. */
export interface ClientChannelOptions {
  /** Stop writing to the socket while `bufferedAmount` exceeds this many bytes. Default 512 KiB. */
  highWaterMarkBytes?: number;
  /** Most must-deliver messages queued before the client is disconnected as too slow. Default 10,000. */
  maxQueuedMessages?: number;
  /** How often a non-empty queue re-checks the socket, in milliseconds. Default 10. */
  flushIntervalMs?: number;
}

/** Counters of a {@link ClientChannel}, for tests and logs. */
export interface ClientChannelStats {
  sent: number;
  /** Messages replaced by a later message with the same coalesce key. */
  coalesced: number;
  /** Live messages queued now. */
  queued: number;
  /** Largest number of live queued messages seen. */
  peakQueued: number;
  /** True once the channel closed the client for falling too far behind. */
  overflowed: boolean;
}

/** Close code sent to a client that fell too far behind (1013 = try again later). */
export const CLOSE_TOO_SLOW = 1013;

/**
 * Per-client outbound path with bounded memory. Writes straight to the socket while its
 * `bufferedAmount` is below the high-water mark; beyond it messages wait in a queue where
 * coalescible ones (bars, metrics) keep only the latest per key and must-deliver ones keep
 * their order. A client whose must-deliver backlog exceeds the cap is closed (1013).
 */
export class ClientChannel {
  private queue: (OutboundMessage | null)[] = [];
  private head = 0;
  private live = 0;
  private liveMustDeliver = 0;
  private readonly indexByKey = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly highWaterMark: number;
  private readonly maxQueued: number;
  private readonly flushIntervalMs: number;
  /** Counters since the channel opened. */
  readonly stats: ClientChannelStats = { sent: 0, coalesced: 0, queued: 0, peakQueued: 0, overflowed: false };

  constructor(
    private readonly socket: WsSocket,
    options: ClientChannelOptions = {},
  ) {
    this.highWaterMark = options.highWaterMarkBytes ?? 512 * 1024;
    this.maxQueued = options.maxQueuedMessages ?? 10_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 10;
  }

  /** Sends now when the socket has room and nothing is queued, else queues (coalescing). */
  send(message: OutboundMessage): void {
    if (this.socket.readyState !== WS_OPEN || this.stats.overflowed) return;
    if (this.live === 0 && this.socket.bufferedAmount < this.highWaterMark) {
      this.write(message.data);
      return;
    }
    this.enqueue(message);
    if (this.liveMustDeliver > this.maxQueued) {
      this.overflow();
      return;
    }
    this.schedule();
  }

  /** Writes everything queued regardless of the high-water mark (used before closing). */
  flushAll(): void {
    this.drain(Infinity);
  }

  /** Stops the flush timer and forgets the queue (the socket closed). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.reset();
  }

  private enqueue(message: OutboundMessage): void {
    const key = message.coalesceKey;
    if (key !== null) {
      const previous = this.indexByKey.get(key);
      if (previous !== undefined) {
        this.queue[previous] = null;
        this.live--;
        this.stats.coalesced++;
      }
      this.indexByKey.set(key, this.queue.length);
    } else {
      this.liveMustDeliver++;
    }
    this.queue.push(message);
    this.live++;
    this.stats.queued = this.live;
    if (this.live > this.stats.peakQueued) this.stats.peakQueued = this.live;
    if (this.queue.length - this.head > 2 * this.live + 1024) this.compact();
  }

  /** Sends queued messages while the socket's buffer is below `limit` bytes. */
  private drain(limit: number): void {
    if (this.socket.readyState !== WS_OPEN) return this.reset();
    while (this.head < this.queue.length && this.socket.bufferedAmount < limit) {
      const message = this.queue[this.head];
      this.queue[this.head++] = null;
      if (message === null || message === undefined) continue;
      if (message.coalesceKey !== null) this.indexByKey.delete(message.coalesceKey);
      else this.liveMustDeliver--;
      this.live--;
      this.write(message.data);
    }
    if (this.head === this.queue.length) this.reset();
    this.stats.queued = this.live;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain(this.highWaterMark);
      if (this.live > 0) this.schedule();
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  /** Drops tombstones left by coalescing and rebuilds the key index. */
  private compact(): void {
    const kept: OutboundMessage[] = [];
    for (let i = this.head; i < this.queue.length; i++) {
      const message = this.queue[i];
      if (message) kept.push(message);
    }
    this.queue = kept;
    this.head = 0;
    this.indexByKey.clear();
    kept.forEach((m, i) => {
      if (m.coalesceKey !== null) this.indexByKey.set(m.coalesceKey, i);
    });
  }

  private overflow(): void {
    this.stats.overflowed = true;
    this.dispose();
    this.socket.close(CLOSE_TOO_SLOW, 'client too slow: message backlog exceeded');
  }

  private reset(): void {
    this.queue = [];
    this.head = 0;
    this.live = 0;
    this.liveMustDeliver = 0;
    this.indexByKey.clear();
    this.stats.queued = 0;
  }

  private write(data: string): void {
    this.socket.send(data);
    this.stats.sent++;
  }
}
