import type { FastifyTypeBox } from './fastify-typebox.js';
import {
  ApiErrorResponse,
  CheckpointListResponse,
  DataListResponse,
  HealthResponse,
  RunDetailResponse,
  RunListResponse,
  RunParams,
  SimulationRequest,
  SimulationStartedResponse,
  StrategyListResponse,
} from './api-schemas.js';
import { PROTOCOL_VERSION } from './protocol.js';
import type { RunHub } from './run-hub.js';
import type { ServerCatalog } from './server-catalog.js';
import type { SimulationStarter } from './ws-session.js';

/** What the REST routes read from. */
export interface ApiDeps {
  hub: RunHub;
  catalog: ServerCatalog;
  simulations: SimulationStarter;
}

const errors = { 400: ApiErrorResponse, 404: ApiErrorResponse, 429: ApiErrorResponse };

/**
 * The REST API under `/api`: health; the data files, checkpoints, strategies and runs a
 * client may pick from (ids built by the server); one run's status and summary; starting
 * a simulation. Every input is schema-validated; errors reply `{ code, message }`.
 */
export async function registerApiRoutes(app: FastifyTypeBox, deps: ApiDeps): Promise<void> {
  const { hub, catalog, simulations } = deps;
  app.get('/api/health', { schema: { response: { 200: HealthResponse } } }, async () => ({ ok: true, protocolVersion: PROTOCOL_VERSION }));
  app.get('/api/data', { schema: { response: { 200: DataListResponse } } }, async () => ({ data: await catalog.dataFiles() }));
  app.get('/api/checkpoints', { schema: { response: { 200: CheckpointListResponse } } }, async () => ({ checkpoints: await catalog.checkpoints() }));
  app.get('/api/strategies', { schema: { response: { 200: StrategyListResponse } } }, async () => ({ strategies: catalog.strategies() }));
  app.get('/api/runs', { schema: { response: { 200: RunListResponse } } }, async () => ({ live: hub.list(), stored: await catalog.storedRuns() }));

  app.get('/api/runs/:runId', { schema: { params: RunParams, response: { 200: RunDetailResponse, ...errors } } }, async (request, reply) => {
    const { runId } = request.params;
    const live = hub.get(runId);
    if (live) {
      const finished = live.finished;
      return { source: 'live' as const, run: { ...live.info }, metrics: live.lastMetrics ? { ...live.lastMetrics } : null, summary: finished?.summary ?? null, error: finished?.error ?? null };
    }
    const stored = await catalog.storedRunSummary(runId);
    if (stored) return { source: 'stored' as const, run: stored.run, metrics: null, summary: stored.summary, error: null };
    return reply.code(404).send({ code: 'E_UNKNOWN_RUN', message: `no run "${runId}"; see GET /api/runs` });
  });

  app.post('/api/simulations', { schema: { body: SimulationRequest, response: { 202: SimulationStartedResponse, ...errors } } }, async (request, reply) => {
    const runId = await simulations.start(request.body);
    return reply.code(202).send({ runId });
  });
}
