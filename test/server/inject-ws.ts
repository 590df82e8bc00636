/**
 * `app.injectWS` for tests. @fastify/websocket 11.3.7's injectWS sends
 * `sec-websocket-version` as the number 13, which ws ≥ 8.18 rejects (it compares with the
 * string '13') with a 400; this prepends an upgrade listener that normalises the header.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyTypeBox } from '../../src/server/fastify-typebox.js';
import type { WsClient } from '../../src/server/open-ws-client.js';

const patched = new WeakSet<object>();

/**
 * Opens an in-memory WebSocket to `path` of `app` (no network). `onInit` receives the socket
 * before the handshake, to attach listeners that must not miss the server's first message.
 */
export async function injectWs(app: FastifyTypeBox, onInit?: (socket: WsClient) => void, path = '/ws'): Promise<WsClient> {
  if (!patched.has(app.server)) {
    patched.add(app.server);
    app.server.prependListener('upgrade', (request: IncomingMessage) => {
      const version: unknown = request.headers['sec-websocket-version'];
      if (typeof version === 'number') request.headers['sec-websocket-version'] = String(version);
    });
  }
  return (await app.injectWS(path, {}, { onInit: (ws) => onInit?.(ws as WsClient) })) as WsClient;
}
