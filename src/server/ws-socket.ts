/**
 * The part of a `ws` WebSocket the server uses. `@fastify/websocket` hands route handlers a
 * `ws` socket; this structural type keeps the server independent of `ws`'s typings.
 */
export interface WsSocket {
  /** 0 connecting, 1 open, 2 closing, 3 closed (the WebSocket standard's values). */
  readonly readyState: number;
  /** Bytes passed to `send` that the kernel has not yet accepted (ws: socket buffer + sender queue). */
  readonly bufferedAmount: number;
  send(data: string, callback?: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): this;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

/** `readyState` of an open WebSocket. */
export const WS_OPEN = 1;
