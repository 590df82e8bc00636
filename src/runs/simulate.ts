import { BacktestSession } from '../backtest/backtest-session.js';
import type { BarRange } from '../backtest/backtest-options.js';
import type { RunFinishedEvent, RunStartedEvent, TelemetryListener } from '../core/telemetry.js';
import type { BarSeries } from '../data/bar-series.js';
import { loadBarsCsv } from '../data/csv-loader.js';
import type { CostModelOptions } from '../market/cost-model.js';
import { PacedLoop, type SimulationSpeed } from './paced-loop.js';
import { simulationRange } from './simulation-range.js';
import { buildSimulationStrategy, type SimulationStrategy, type SimulationStrategySpec } from './simulation-strategy.js';

/** Inputs of {@link startSimulation}. Paths are trusted: the caller resolved them. */
export interface SimulationSpec {
  readonly runId: string;
  /** CSV file of the market. */
  readonly dataPath: string;
  /** How the data is named in the title (e.g. its catalog id). Default: the series' symbol. */
  readonly dataLabel?: string;
  readonly strategy: SimulationStrategySpec;
  /** First bar open time to include, epoch ms (inclusive). Default: the first bar. */
  readonly fromMs?: number;
  /** Last bar open time to include, epoch ms (inclusive). Default: the last bar. */
  readonly toMs?: number;
  readonly speed: SimulationSpeed;
  /** Seeds the strategy's RNG (as in backtests). Default 0. */
  readonly seed?: number;
  readonly costs?: CostModelOptions;
  readonly initialCash?: number;
  /** Bars between `metrics` events. Default 10. */
  readonly metricsEveryBars?: number;
  /** Progress notes (e.g. the tfjs backend chosen for a checkpoint). Default: none. */
  readonly log?: (line: string) => void;
}

/** A running simulation: the controls the dashboard uses and the finish event. */
export interface SimulationHandle {
  readonly runId: string;
  readonly totalBars: number;
  pause(): void;
  resume(): void;
  setSpeed(speed: SimulationSpeed): void;
  /** Ends the run early; `done` then resolves with status 'stopped'. */
  stop(): void;
  readonly paused: boolean;
  /** Resolves with the `run.finished` event once it has been emitted (never rejects). */
  readonly done: Promise<RunFinishedEvent>;
}

/** Loads market data; injectable so a server can cache series. */
export type BarLoader = (path: string) => Promise<BarSeries>;

/**
 * Starts a live simulation: replays a strategy over a data range through the backtest
 * engine (`BacktestSession`, the same fills and metrics as `tradegym backtest`), one bar per
 * step, paced at `speed` bars/s or as fast as possible. Emits `run.started`, then the
 * engine's `bar` / `trade` / `metrics` events, then `run.finished` with the backtest's
 * summary. Setup errors (bad range, unknown strategy, unreadable data) reject before any
 * event is emitted; errors during the run finish it with status 'failed'.
 */
export async function startSimulation(spec: SimulationSpec, onEvent: TelemetryListener, loadBars: BarLoader = (p) => loadBarsCsv(p)): Promise<SimulationHandle> {
  const bars = await loadBars(spec.dataPath);
  const requested = simulationRange(bars, spec.fromMs, spec.toMs);
  const built = await buildSimulationStrategy(spec.strategy, bars, spec.log ?? (() => {}));
  const session = openSession(spec, bars, requested, built, onEvent);
  const started = runStartedEvent(spec, session, requested.end, built);
  onEvent(started);
  const loop = new PacedLoop({ step: () => session.step(), speed: spec.speed });
  const done = loop
    .run()
    .then(
      (outcome) => finish(spec.runId, session, outcome, undefined, onEvent),
      (error: unknown) => finish(spec.runId, session, 'failed', error, onEvent),
    )
    .finally(() => built.strategy.dispose?.());
  return {
    runId: spec.runId,
    totalBars: started.totalBars!,
    pause: () => loop.pause(),
    resume: () => loop.resume(),
    setSpeed: (speed) => loop.setSpeed(speed),
    stop: () => loop.stop(),
    get paused() {
      return loop.paused;
    },
    done,
  };
}

/** The engine session of a simulation (disposing the strategy if the options are refused). */
function openSession(spec: SimulationSpec, bars: BarSeries, requested: BarRange, built: SimulationStrategy, onEvent: TelemetryListener): BacktestSession {
  const { strategy, features, actionLevels } = built;
  try {
    // Policies observe features, which are undefined during the indicator warm-up.
    const range = { start: Math.max(requested.start, features?.firstValidIndex ?? 0), end: requested.end };
    return new BacktestSession({
      bars, features, strategy, actionLevels, range,
      seed: spec.seed ?? 0,
      costs: spec.costs,
      initialCash: spec.initialCash,
      onEvent,
      runId: spec.runId,
      metricsEveryBars: spec.metricsEveryBars ?? 10,
    });
  } catch (error) {
    strategy.dispose?.();
    throw error;
  }
}

/** `run.started` of a simulation: title, action levels, feature names, bar count and config. */
function runStartedEvent(spec: SimulationSpec, session: BacktestSession, end: number, built: SimulationStrategy): RunStartedEvent {
  const { bars, strategy } = session;
  const start = session.barIndex;
  const data = spec.dataLabel ?? bars.symbol;
  return {
    type: 'run.started',
    runId: spec.runId,
    kind: 'simulation',
    title: `${strategy.name} on ${data}`,
    actionLevels: session.result().actionLevels.slice(),
    ...(built.features && { featureNames: [...built.features.names] }),
    totalBars: end - start,
    config: { strategy: strategy.name, data, startBarIndex: start, fromMs: bars.timestamps[start], toMs: bars.timestamps[end - 1], speed: spec.speed, seed: spec.seed ?? 0 },
  };
}

/**
 * Emits `run.finished` with the backtest summary of the bars simulated so far. If even the
 * summary fails, the run still finishes ('failed', with the reason), so `done` never rejects.
 */
function finish(runId: string, session: BacktestSession, status: RunFinishedEvent['status'], error: unknown, onEvent: TelemetryListener): RunFinishedEvent {
  let summary: Record<string, unknown> = {};
  try {
    summary = summarize(session);
  } catch (summaryError) {
    status = 'failed';
    error ??= summaryError;
  }
  const event: RunFinishedEvent = {
    type: 'run.finished',
    runId,
    status,
    summary,
    ...(error !== undefined && { error: error instanceof Error ? error.message : String(error) }),
  };
  onEvent(event);
  return event;
}

/** JSON-safe summary of a session: counts, final equity, costs and the backtest metrics. */
function summarize(session: BacktestSession): Record<string, unknown> {
  const result = session.result();
  return {
    strategy: result.strategyName,
    symbol: result.symbol,
    // bars: equity points of the range so far (including the start bar); steps: decisions = bar events.
    bars: result.end - result.start,
    steps: result.end - result.start - 1,
    startBarIndex: result.start,
    finalEquity: result.finalEquity,
    trades: result.trades.length,
    bankrupt: result.bankrupt,
    costs: result.costs,
    metrics: JSON.parse(JSON.stringify(result.metrics)) as Record<string, unknown>,
  };
}
