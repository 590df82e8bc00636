import { createRequire } from 'node:module';

/** The part of a `ws` client WebSocket used by the bench and the tests. */
export interface WsClient {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  /** Stops reading from the socket (the kernel buffers fill and the server sees backpressure). */
  pause(): void;
  resume(): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  once(event: 'open', listener: () => void): this;
  once(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  once(event: 'error', listener: (error: Error) => void): this;
}

type WsClientConstructor = new (url: string) => WsClient;

/**
 * The `ws` package's WebSocket class, resolved from `@fastify/websocket`'s own dependency
 * (Node 20 has no stable global WebSocket client), typed by {@link WsClient}.
 */
function wsConstructor(): WsClientConstructor {
  const fromPlugin = createRequire(createRequire(import.meta.url).resolve('@fastify/websocket'));
  return fromPlugin('ws') as WsClientConstructor;
}

/**
 * Opens a WebSocket client connection to `url` (e.g. "ws://127.0.0.1:8080/ws").
 * `onInit` receives the socket before it opens, to attach listeners that must not miss
 * the server's first message.
 */
export function openWsClient(url: string, onInit?: (socket: WsClient) => void): Promise<WsClient> {
  const WebSocketClient = wsConstructor();
  const socket = new WebSocketClient(url);
  onInit?.(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}
