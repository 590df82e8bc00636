import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import { isTradegymError } from '../core/errors.js';
import type { BarLoader } from '../runs/simulate.js';
import { registerApiRoutes } from './api-routes.js';
import type { ClientChannelOptions } from './client-channel.js';
import type { FastifyTypeBox } from './fastify-typebox.js';
import { ProtocolError } from './protocol-error.js';
import { RunHub } from './run-hub.js';
import { ServerCatalog, type CatalogFolders } from './server-catalog.js';
import { SimulationLauncher } from './simulation-launcher.js';
import { registerStaticRoutes } from './static-routes.js';
import type { SessionLimits, WsSession } from './ws-session.js';
import { registerWsRoute } from './ws-route.js';

/** Options of {@link createApp}. */
export interface AppOptions extends CatalogFolders {
  /** The hub runs publish to; default a new one. */
  hub?: RunHub;
  /** fastify's pino logger options (default `{ level: 'info' }`; false silences it). */
  logger?: FastifyServerOptions['logger'];
  /** Limits on client messages; defaults 16 KiB, 20/s, burst 40. */
  limits?: Partial<SessionLimits>;
  /** Outbound queue limits per client. */
  channel?: ClientChannelOptions;
  maxConcurrentSimulations?: number;
  /** Frames above this many bytes are refused by `ws` itself, closing the connection (1009). Default 1 MiB. */
  maxPayloadBytes?: number;
  /** Loads market data for simulations (e.g. a cache). */
  loadBars?: BarLoader;
}

/** The assembled server before it listens. */
export interface TradegymApp {
  readonly app: FastifyTypeBox;
  readonly hub: RunHub;
  readonly catalog: ServerCatalog;
  /** Connected WebSocket clients. */
  readonly sessions: ReadonlySet<WsSession>;
}

/** Default per-client limits on incoming messages. */
export const DEFAULT_LIMITS: SessionLimits = { maxMessageBytes: 16 * 1024, messagesPerSecond: 20, burst: 40 };

/**
 * Builds the fastify app: TypeBox validation, the REST API, the dashboard's static files,
 * and the `/ws` endpoint where each connection becomes a {@link WsSession} on the hub.
 * `app.close()` stops every simulation, then closes the sockets (1001), then the server.
 */
export async function createApp(options: AppOptions): Promise<TradegymApp> {
  const app: FastifyTypeBox = Fastify({ logger: options.logger ?? { level: 'info' } })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();
  const hub = options.hub ?? new RunHub();
  const catalog = new ServerCatalog(options);
  const simulations = new SimulationLauncher(catalog, hub, {
    maxConcurrent: options.maxConcurrentSimulations,
    loadBars: options.loadBars,
    log: (line) => app.log.info(line),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const [status, code] = classify(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ code, message: status >= 500 ? 'internal error; see the server log' : error.message });
  });
  // Registered before the WebSocket plugin's own preClose, so clients still receive every
  // run's `run.finished` (status 'stopped') before their sockets are closed.
  app.addHook('preClose', async () => {
    await hub.stopAll();
  });
  const sessions = await registerWsRoute(app, {
    hub,
    simulations,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    channel: options.channel,
    maxPayloadBytes: options.maxPayloadBytes ?? 1024 * 1024,
  });
  await registerStaticRoutes(app);
  await registerApiRoutes(app, { hub, catalog, simulations });
  return { app, hub, catalog, sessions };
}

/** HTTP status and stable code for an error thrown by a route. */
function classify(error: FastifyError): [number, string] {
  if (error instanceof ProtocolError) {
    const status = error.code === 'E_UNKNOWN_ID' || error.code === 'E_UNKNOWN_RUN' ? 404 : error.code === 'E_TOO_MANY_RUNS' ? 429 : 400;
    return [status, error.code];
  }
  if (isTradegymError(error)) return [error.code === 'E_INTERNAL' ? 500 : 400, error.code];
  if (error.validation) return [400, 'E_SCHEMA'];
  if (typeof error.statusCode === 'number' && error.statusCode < 500) return [error.statusCode, error.code ?? 'E_BAD_REQUEST'];
  return [500, 'E_INTERNAL'];
}
