/**
 * TypeBox schemas of the REST API (`/api/*`): request bodies, params and response shapes.
 * The WebSocket messages live in protocol.ts; the simulation request body reuses `sim.start`.
 */
import Type, { type Static } from 'typebox';
import { CATALOG_ID_MAX_LENGTH, CATALOG_ID_PATTERN, PROTOCOL_VERSION, RunInfo, SimStartMessage } from './protocol.js';

const Id = Type.String({ minLength: 1, maxLength: CATALOG_ID_MAX_LENGTH, pattern: CATALOG_ID_PATTERN });

/** A CSV file in the data folder. */
export const DataFileInfo = Type.Object({ id: Id, sizeBytes: Type.Number(), modifiedMs: Type.Number() });
/** A CSV file in the data folder. */
export type DataFileInfo = Static<typeof DataFileInfo>;

/** A checkpoint directory (one holding manifest.json) in the checkpoints folder. */
export const CheckpointInfo = Type.Object({
  id: Id,
  /** `kind` from the manifest (base | adapter | merged), null when unreadable. */
  kind: Type.Union([Type.String(), Type.Null()]),
  modifiedMs: Type.Number(),
});
/** A checkpoint directory (one holding manifest.json) in the checkpoints folder. */
export type CheckpointInfo = Static<typeof CheckpointInfo>;

/** A rule strategy the server can run. */
export const StrategyInfo = Type.Object({
  id: Id,
  description: Type.String(),
  /** Default parameters (numbers only), overridable through `params` in `sim.start`. */
  defaults: Type.Record(Type.String(), Type.Number()),
});
/** A rule strategy the server can run. */
export type StrategyInfo = Static<typeof StrategyInfo>;

/** A finished backtest run stored in the runs folder. */
export const StoredRunInfo = Type.Object({ id: Id, modifiedMs: Type.Number() });
/** A finished backtest run stored in the runs folder. */
export type StoredRunInfo = Static<typeof StoredRunInfo>;

/** GET /api/health */
export const HealthResponse = Type.Object({ ok: Type.Boolean(), protocolVersion: Type.Literal(PROTOCOL_VERSION) });
/** GET /api/data */
export const DataListResponse = Type.Object({ data: Type.Array(DataFileInfo) });
/** GET /api/checkpoints */
export const CheckpointListResponse = Type.Object({ checkpoints: Type.Array(CheckpointInfo) });
/** GET /api/strategies */
export const StrategyListResponse = Type.Object({ strategies: Type.Array(StrategyInfo) });
/** GET /api/runs: live runs in the hub and stored backtest runs on disk. */
export const RunListResponse = Type.Object({ live: Type.Array(RunInfo), stored: Type.Array(StoredRunInfo) });
/** Path parameters naming a run. */
export const RunParams = Type.Object({ runId: Id });
/** GET /api/runs/:runId */
export const RunDetailResponse = Type.Object({
  source: Type.Union([Type.Literal('live'), Type.Literal('stored')]),
  run: Type.Union([RunInfo, StoredRunInfo]),
  /** Latest running metrics of a live run. */
  metrics: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** The run.finished summary (live) or metrics.json (stored); null while running. */
  summary: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
/** POST /api/simulations body: `sim.start` without the `type` field. */
export const SimulationRequest = Type.Omit(SimStartMessage, ['type', 'requestId']);
/** POST /api/simulations body. */
export type SimulationRequest = Static<typeof SimulationRequest>;
/** POST /api/simulations reply. */
export const SimulationStartedResponse = Type.Object({ runId: Type.String() });
/** Any 4xx/5xx reply of the API. */
export const ApiErrorResponse = Type.Object({ code: Type.String(), message: Type.String() });
