import fastifyWebsocket from '@fastify/websocket';
import type { FastifyTypeBox } from './fastify-typebox.js';
import type { RunHub } from './run-hub.js';
import { WsSession, type SessionDeps } from './ws-session.js';
import type { WsSocket } from './ws-socket.js';

/** Options of {@link registerWsRoute}. */
export interface WsRouteOptions extends Omit<SessionDeps, 'log'> {
  hub: RunHub;
  /** Frames above this many bytes are refused by `ws` itself, closing the connection (1009). */
  maxPayloadBytes: number;
}

/**
 * Registers `@fastify/websocket` and the `/ws` endpoint: each connection becomes a
 * {@link WsSession}; every session gets the run list whenever it changes; on close the
 * sessions flush what is queued and close with 1001. Returns the live set of sessions.
 */
export async function registerWsRoute(app: FastifyTypeBox, options: WsRouteOptions): Promise<ReadonlySet<WsSession>> {
  const sessions = new Set<WsSession>();
  await app.register(fastifyWebsocket, {
    options: { maxPayload: options.maxPayloadBytes },
    preClose(done) {
      for (const session of sessions) session.close(1001, 'server shutting down');
      app.websocketServer.close(() => done());
    },
  });
  app.get('/ws', { websocket: true }, (socket: WsSocket) => {
    const session = new WsSession(socket, { ...options, log: app.log });
    sessions.add(session);
    socket.on('close', () => sessions.delete(session));
  });
  options.hub.onListChange((runs) => {
    for (const session of sessions) session.sendRunList(runs);
  });
  return sessions;
}
