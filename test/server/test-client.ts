/**
 * A recording WebSocket test client: parses every server frame, checks it against the
 * protocol's `ServerMessage` schema, and lets tests await messages by predicate.
 */
import { Compile } from 'typebox/compile';
import type { WsClient } from '../../src/server/open-ws-client.js';
import { ServerMessage } from '../../src/server/protocol.js';

const checkServerMessage = Compile(ServerMessage);

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** Wraps a `ws` client socket (from `injectWS` or a real connection). */
export class TestClient {
  readonly messages: ServerMessage[] = [];
  /** Frames that did not match the protocol schema (should stay empty). */
  readonly invalid: unknown[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(readonly socket: WsClient) {
    socket.on('message', (data) => {
      const value: unknown = JSON.parse(data.toString());
      if (checkServerMessage.Check(value)) this.messages.push(value);
      else this.invalid.push(value);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Sends a JSON value, or a raw string as is. */
  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Messages of one type received so far. */
  of<T extends ServerMessage['type']>(type: T): Of<T>[] {
    return this.messages.filter((m): m is Of<T> => m.type === type);
  }

  /** The first message (at index ≥ `from`) of `type` matching `match`, waiting up to `timeoutMs`. */
  async waitFor<T extends ServerMessage['type']>(type: T, match: (m: Of<T>) => boolean = () => true, from = 0, timeoutMs = 15_000): Promise<Of<T>> {
    const deadline = Date.now() + timeoutMs;
    let i = from;
    for (;;) {
      for (; i < this.messages.length; i++) {
        const m = this.messages[i]!;
        if (m.type === type && match(m as Of<T>)) return m as Of<T>;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for "${type}"; got ${this.messages.map((m) => m.type).slice(-20).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.terminate();
  }
}
