import type { TelemetryListener } from '../core/telemetry.js';
import { cachedBarLoader } from './cached-bar-loader.js';
import { createApp, type AppOptions } from './create-app.js';
import type { FastifyTypeBox } from './fastify-typebox.js';
import type { RunHub } from './run-hub.js';

/** Options of {@link startServer}; folders default to `data/`, `checkpoints/`, `backtests/runs/`. */
export interface StartServerOptions extends Partial<AppOptions> {
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only); anything else logs a warning. */
  host?: string;
  /** Close gracefully on SIGINT / SIGTERM. Default false (the caller owns signals). */
  handleSignals?: boolean;
}

/** A listening dashboard server. */
export interface RunningServer {
  /** Base URL, e.g. "http://127.0.0.1:8080". */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly app: FastifyTypeBox;
  readonly hub: RunHub;
  /** Publishes an external run's telemetry (e.g. `tradegym finetune --serve`) to dashboards. */
  readonly publish: TelemetryListener;
  /** Stops every simulation (each finishes 'stopped'), closes the sockets, then the server. Idempotent. */
  close(): Promise<void>;
}

/** True for addresses that only the local machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Starts the dashboard server: fastify (pino logging) serving the page, the REST API and
 * the `/ws` telemetry endpoint, bound to 127.0.0.1 unless told otherwise. Runs outside the
 * server (training from the CLI) stream to dashboards through `publish`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const { app, hub } = await createApp({
    ...options,
    dataDir: options.dataDir ?? 'data',
    checkpointsDir: options.checkpointsDir ?? 'checkpoints',
    runsDir: options.runsDir ?? 'backtests/runs',
    loadBars: options.loadBars ?? cachedBarLoader(),
  });
  if (!isLoopbackHost(host)) {
    app.log.warn(`binding to ${host}: the dashboard and its simulation controls are reachable from the network without authentication; use --host 127.0.0.1 unless you mean it`);
  }
  await app.listen({ port: options.port ?? 8080, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 8080);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info(`${signal} received, shutting down`);
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      await app.close();
    })();
    return closing;
  };
  if (options.handleSignals) process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  return { url: `http://${urlHost}:${port}`, host, port, app, hub, publish: hub.publish, close };
}
