/**
 * The dashboard's WebSocket protocol: every message either side may send, as TypeBox
 * schemas (JSON Schema at run time, TypeScript types at compile time) in this one file.
 * Messages are JSON objects with a `type` field; the protocol is versioned by
 * {@link PROTOCOL_VERSION}, announced in the server's `hello`. Documented in PROTOCOL.md.
 */
import Type, { type Static, type TSchema } from 'typebox';
import type { TelemetryEvent } from '../core/telemetry.js';

/** Protocol version announced in `hello`; bumped on any incompatible change. */
export const PROTOCOL_VERSION = 1 as const;

/** Fastest replay speed a client may ask for, in bars per second ('max' means unpaced). */
export const MAX_SPEED_BARS_PER_SEC = 1_000_000;

/** Characters allowed in ids of data files, checkpoints and strategies (the server lists only such ids). */
export const CATALOG_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._/-]*$';
/** Longest catalog id, in characters. */
export const CATALOG_ID_MAX_LENGTH = 200;

const RunId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' });
/** Ids of data files, checkpoints and strategies, exactly as listed by the server. */
const CatalogId = Type.String({ minLength: 1, maxLength: CATALOG_ID_MAX_LENGTH, pattern: CATALOG_ID_PATTERN });
const RequestId = Type.Optional(Type.String({ minLength: 1, maxLength: 64 }));
const Speed = Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: MAX_SPEED_BARS_PER_SEC }), Type.Literal('max')]);
const Closed = { additionalProperties: false } as const;
const FiniteOrNull = Type.Union([Type.Number(), Type.Null()]);
const Json = Type.Record(Type.String(), Type.Unknown());

// ── client → server ────────────────────────────────────────────────────────────

/** Start receiving a run's telemetry (also grants control of a simulation). */
export const SubscribeMessage = Type.Object({ type: Type.Literal('subscribe'), runId: RunId, requestId: RequestId }, Closed);
/** Stop receiving a run's telemetry. */
export const UnsubscribeMessage = Type.Object({ type: Type.Literal('unsubscribe'), runId: RunId, requestId: RequestId }, Closed);
/**
 * Start a live simulation: exactly one of `strategyId` / `checkpointId`, a `dataId`, an
 * optional range of bar open times (epoch ms, both inclusive) and a speed in bars/s or 'max'.
 */
export const SimStartMessage = Type.Object(
  {
    type: Type.Literal('sim.start'),
    requestId: RequestId,
    dataId: CatalogId,
    strategyId: Type.Optional(CatalogId),
    checkpointId: Type.Optional(CatalogId),
    params: Type.Optional(Type.Record(Type.String(), Type.Number(), { maxProperties: 16 })),
    from: Type.Optional(Type.Number()),
    to: Type.Optional(Type.Number()),
    speed: Speed,
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 32 - 1 })),
  },
  Closed,
);
const runCommand = <const T extends string>(type: T) =>
  Type.Object({ type: Type.Literal(type), runId: RunId, requestId: RequestId }, Closed);
/** Pause a simulation. */
export const SimPauseMessage = runCommand('sim.pause');
/** Resume a paused simulation. */
export const SimResumeMessage = runCommand('sim.resume');
/** Stop a simulation (it finishes with status 'stopped'). */
export const SimStopMessage = runCommand('sim.stop');
/** Change a simulation's speed. */
export const SimSpeedMessage = Type.Object({ type: Type.Literal('sim.speed'), runId: RunId, speed: Speed, requestId: RequestId }, Closed);

/** Schema of each client message, by `type` (used to report precise validation errors). */
export const CLIENT_MESSAGE_SCHEMAS = {
  subscribe: SubscribeMessage,
  unsubscribe: UnsubscribeMessage,
  'sim.start': SimStartMessage,
  'sim.pause': SimPauseMessage,
  'sim.resume': SimResumeMessage,
  'sim.speed': SimSpeedMessage,
  'sim.stop': SimStopMessage,
} as const satisfies Record<string, TSchema>;

/** Any message a client may send. */
export const ClientMessage = Type.Union([
  SubscribeMessage,
  UnsubscribeMessage,
  SimStartMessage,
  SimPauseMessage,
  SimResumeMessage,
  SimSpeedMessage,
  SimStopMessage,
]);
/** Any message a client may send. */
export type ClientMessage = Static<typeof ClientMessage>;
/** The `type` values a client may send. */
export type ClientMessageType = keyof typeof CLIENT_MESSAGE_SCHEMAS;

// ── server → client: session messages ──────────────────────────────────────────

/** First message on every connection. */
export const HelloMessage = Type.Object({
  type: Type.Literal('hello'),
  version: Type.Literal(PROTOCOL_VERSION),
  server: Type.Literal('tradegym'),
  capabilities: Type.Array(Type.String()),
  limits: Type.Object({ maxMessageBytes: Type.Integer(), messagesPerSecond: Type.Number(), burst: Type.Integer() }),
});

/** One entry of the run list. */
export const RunInfo = Type.Object({
  runId: RunId,
  kind: Type.Union([Type.Literal('simulation'), Type.Literal('backtest'), Type.Literal('training')]),
  title: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('paused'), Type.Literal('completed'), Type.Literal('stopped'), Type.Literal('failed')]),
  controllable: Type.Boolean(),
  startedAt: Type.Number(),
});
/** One entry of the run list. */
export type RunInfo = Static<typeof RunInfo>;
/** The runs the hub knows, sent after `hello` and whenever a run starts, pauses or ends. */
export const RunsMessage = Type.Object({ type: Type.Literal('runs'), runs: Type.Array(RunInfo) });
/** A command succeeded. */
export const AckMessage = Type.Object({
  type: Type.Literal('ack'),
  command: Type.String(),
  runId: Type.Optional(RunId),
  requestId: RequestId,
});
/** A message was rejected or a run could not start; the connection stays open. */
export const ErrorMessage = Type.Object({
  type: Type.Literal('error'),
  code: Type.String(),
  message: Type.String(),
  requestId: RequestId,
  runId: Type.Optional(RunId),
});

// ── server → client: telemetry (mirrors src/core/telemetry.ts) ───────────────────

/** A run began. */
export const RunStartedMessage = Type.Object({
  type: Type.Literal('run.started'),
  runId: Type.String(),
  kind: Type.Union([Type.Literal('simulation'), Type.Literal('backtest'), Type.Literal('training')]),
  title: Type.String(),
  featureNames: Type.Optional(Type.Array(Type.String())),
  actionLevels: Type.Optional(Type.Array(Type.Number())),
  totalBars: Type.Optional(Type.Number()),
  config: Type.Optional(Json),
});
/** One simulated bar: OHLCV, the decision (action, probabilities, value) and the account after it. */
export const BarMessage = Type.Object({
  type: Type.Literal('bar'),
  runId: Type.String(),
  barIndex: Type.Number(),
  timestamp: Type.Number(),
  open: Type.Number(),
  high: Type.Number(),
  low: Type.Number(),
  close: Type.Number(),
  volume: Type.Number(),
  action: Type.Number(),
  probs: Type.Union([Type.Array(Type.Number()), Type.Null()]),
  value: FiniteOrNull,
  position: Type.Number(),
  equity: Type.Number(),
  drawdown: Type.Number(),
  reward: FiniteOrNull,
});
/** A fill. */
export const TradeMessage = Type.Object({
  type: Type.Literal('trade'),
  runId: Type.String(),
  barIndex: Type.Number(),
  timestamp: Type.Number(),
  side: Type.Union([Type.Literal('buy'), Type.Literal('sell')]),
  quantity: Type.Number(),
  price: Type.Number(),
  commission: Type.Number(),
  positionAfter: Type.Number(),
});
/** Running performance: total return, Sharpe (null while undefined), max drawdown, equity. */
export const MetricsMessage = Type.Object({
  type: Type.Literal('metrics'),
  runId: Type.String(),
  barIndex: Type.Number(),
  totalReturn: Type.Number(),
  sharpe: FiniteOrNull,
  maxDrawdown: Type.Number(),
  equity: Type.Number(),
});
/** A finished training episode. */
export const EpisodeMessage = Type.Object({
  type: Type.Literal('episode'),
  runId: Type.String(),
  episodeReturn: Type.Number(),
  length: Type.Number(),
  finalEquity: Type.Optional(Type.Number()),
});
/** One PPO update's statistics. */
export const TrainUpdateMessage = Type.Object({
  type: Type.Literal('train.update'),
  runId: Type.String(),
  update: Type.Number(),
  totalSteps: Type.Number(),
  policyLoss: Type.Number(),
  valueLoss: Type.Number(),
  entropy: Type.Number(),
  approxKl: Type.Number(),
  clipFraction: Type.Number(),
  explainedVariance: FiniteOrNull,
  meanEpisodeReturn: FiniteOrNull,
  stepsPerSec: Type.Number(),
  adapterDeltaNorm: FiniteOrNull,
  extra: Type.Optional(Type.Record(Type.String(), Type.Number())),
});
/** A run ended. */
export const RunFinishedMessage = Type.Object({
  type: Type.Literal('run.finished'),
  runId: Type.String(),
  status: Type.Union([Type.Literal('completed'), Type.Literal('stopped'), Type.Literal('failed')]),
  summary: Json,
  error: Type.Optional(Type.String()),
});

/** Every telemetry event as it travels on the wire. */
export const TelemetryMessage = Type.Union([
  RunStartedMessage,
  BarMessage,
  TradeMessage,
  MetricsMessage,
  EpisodeMessage,
  TrainUpdateMessage,
  RunFinishedMessage,
]);
/** Every telemetry event as it travels on the wire. */
export type TelemetryMessage = Static<typeof TelemetryMessage>;

/** Any message the server may send. */
export const ServerMessage = Type.Union([HelloMessage, RunsMessage, AckMessage, ErrorMessage, ...TelemetryMessage.anyOf]);
/** Any message the server may send. */
export type ServerMessage = Static<typeof ServerMessage>;
/** Server messages that are not telemetry. */
export type HelloMessage = Static<typeof HelloMessage>;
/** A rejected message or failed command. */
export type ErrorMessage = Static<typeof ErrorMessage>;
/** A succeeded command. */
export type AckMessage = Static<typeof AckMessage>;

/** Compile-time proof that the wire schemas and src/core/telemetry.ts describe the same events. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when a telemetry type and its wire schema drift apart. */
export const TELEMETRY_SCHEMAS_MATCH: Same<TelemetryEvent, TelemetryMessage> = true;
