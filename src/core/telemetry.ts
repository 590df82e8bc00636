/**
 * Telemetry: the plain-data events that runs emit (simulations, backtests, training)
 * and that the server relays to dashboards. Nothing here knows about HTTP.
 * All money values are in account currency; exposures are signed fractions of equity;
 * timestamps are Unix epoch milliseconds.
 */

/** What kind of run produced an event stream. */
export type RunKind = 'simulation' | 'backtest' | 'training';

/** A run began. */
export interface RunStartedEvent {
  type: 'run.started';
  runId: string;
  kind: RunKind;
  /** Human-readable title, e.g. "sma-crossover on momentum-daily". */
  title: string;
  /** Names of the observation features (the dashboard labels with them). */
  featureNames?: string[];
  /** Target exposures of the discrete actions. */
  actionLevels?: number[];
  /** Number of bars the run will visit, when known. */
  totalBars?: number;
  /** Free-form configuration summary (JSON-safe). */
  config?: Record<string, unknown>;
}

/** One simulated bar: market data plus the agent's decision and account state after it. */
export interface BarEvent {
  type: 'bar';
  runId: string;
  barIndex: number;
  timestamp: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Index of the chosen action (into actionLevels). */
  action: number;
  /** Probabilities of each action (policy strategies), else null. */
  probs: number[] | null;
  /** Critic value estimate (policy strategies), else null. */
  value: number | null;
  /** Exposure held after this bar's fill. */
  position: number;
  equity: number;
  /** Drawdown from the running peak, fraction in [0, 1]. */
  drawdown: number;
  reward: number | null;
}

/** A fill. */
export interface TradeEvent {
  type: 'trade';
  runId: string;
  barIndex: number;
  timestamp: number;
  side: 'buy' | 'sell';
  /** Shares traded (positive). */
  quantity: number;
  /** Fill price including slippage. */
  price: number;
  commission: number;
  /** Exposure after the fill. */
  positionAfter: number;
}

/** Running performance of a simulation or backtest. */
export interface MetricsEvent {
  type: 'metrics';
  runId: string;
  barIndex: number;
  totalReturn: number;
  sharpe: number | null;
  maxDrawdown: number;
  equity: number;
}

/** A finished training episode. */
export interface EpisodeEvent {
  type: 'episode';
  runId: string;
  episodeReturn: number;
  length: number;
  finalEquity?: number;
}

/** One PPO update's statistics. */
export interface TrainUpdateEvent {
  type: 'train.update';
  runId: string;
  update: number;
  totalSteps: number;
  policyLoss: number;
  valueLoss: number;
  entropy: number;
  approxKl: number;
  clipFraction: number;
  explainedVariance: number | null;
  meanEpisodeReturn: number | null;
  stepsPerSec: number;
  /** Frobenius norm of the adapters' weight delta (LoRA fine-tuning), else null. */
  adapterDeltaNorm: number | null;
  /** Extra monitoring fields (e.g. drift, action agreement). */
  extra?: Record<string, number>;
}

/** A run ended (normally, stopped, or failed). */
export interface RunFinishedEvent {
  type: 'run.finished';
  runId: string;
  status: 'completed' | 'stopped' | 'failed';
  summary: Record<string, unknown>;
  error?: string;
}

/** Every telemetry event. */
export type TelemetryEvent =
  | RunStartedEvent
  | BarEvent
  | TradeEvent
  | MetricsEvent
  | EpisodeEvent
  | TrainUpdateEvent
  | RunFinishedEvent;

/** A listener for telemetry events. */
export type TelemetryListener = (event: TelemetryEvent) => void;

/** A minimal synchronous emitter of telemetry events. Listener errors are not swallowed. */
export class TelemetryEmitter {
  private readonly listeners = new Set<TelemetryListener>();

  /** Adds a listener; returns a function that removes it. */
  on(listener: TelemetryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when at least one listener is attached (lets hot loops skip building events). */
  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  emit(event: TelemetryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
