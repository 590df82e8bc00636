import { TradegymError } from '../core/errors.js';
import type { BarSeries } from '../data/bar-series.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';

/**
 * The engine's handle on a {@link StrategyContext}: only the holder of the cursor can move
 * the context forward in time or update its account fields. Strategies never get it.
 */
export interface ContextCursor {
  /** Makes bar `t` the current (latest visible) bar. */
  moveTo(t: number): void;
  /** Account state after the fill at the current bar's open, marked at its close. */
  setAccount(position: number, equity: number, drawdown: number): void;
}

/**
 * A causal, read-only view of the market for a strategy at bar t (`barIndex`).
 *
 * Every accessor takes an absolute bar index and throws `E_LOOKAHEAD` for an index after
 * t (or before 0, or non-integer). The underlying columns live in private class fields,
 * so there is no property a strategy could read to reach a later bar, and only the
 * engine's {@link ContextCursor} can advance t. Feature rows are copied out, never shared.
 */
export class StrategyContext {
  #t = -1;
  readonly #bars: BarSeries;
  readonly #features: FeatureMatrix | undefined;
  #position = 0;
  #equity = 0;
  #drawdown = 0;

  private constructor(bars: BarSeries, features: FeatureMatrix | undefined) {
    this.#bars = bars;
    this.#features = features;
  }

  /** Creates a context over `bars` (and optional `features`) plus the cursor that drives it. */
  static create(bars: BarSeries, features?: FeatureMatrix): { context: StrategyContext; cursor: ContextCursor } {
    const context = new StrategyContext(bars, features);
    const cursor: ContextCursor = {
      moveTo: (t) => {
        context.#t = t;
      },
      setAccount: (position, equity, drawdown) => {
        context.#position = position;
        context.#equity = equity;
        context.#drawdown = drawdown;
      },
    };
    return { context, cursor };
  }

  /** The current bar t: the latest bar whose close is known. */
  get barIndex(): number {
    return this.#t;
  }

  /** Open price of bar i ≤ t. */
  open(i: number): number {
    this.#check(i);
    return this.#bars.open[i]!;
  }

  /** High price of bar i ≤ t. */
  high(i: number): number {
    this.#check(i);
    return this.#bars.high[i]!;
  }

  /** Low price of bar i ≤ t. */
  low(i: number): number {
    this.#check(i);
    return this.#bars.low[i]!;
  }

  /** Close price of bar i ≤ t. */
  close(i: number): number {
    this.#check(i);
    return this.#bars.close[i]!;
  }

  /** Volume of bar i ≤ t. */
  volume(i: number): number {
    this.#check(i);
    return this.#bars.volume[i]!;
  }

  /** Open time of bar i ≤ t, Unix epoch milliseconds. */
  timestamp(i: number): number {
    this.#check(i);
    return this.#bars.timestamps[i]!;
  }

  /** Whether features were supplied (strategies that declare `needsFeatures` always get them). */
  get hasFeatures(): boolean {
    return this.#features !== undefined;
  }

  /** Feature names in column order (empty without features). */
  get featureNames(): readonly string[] {
    return this.#features?.names ?? [];
  }

  /** Number of features per row (0 without features). */
  get featureDim(): number {
    return this.#features?.dim ?? 0;
  }

  /** Feature `j` of bar i ≤ t; throws for warm-up rows. */
  feature(i: number, j: number): number {
    const features = this.#requireFeatureRow(i);
    if (!(Number.isInteger(j) && j >= 0 && j < features.dim)) {
      throw new TradegymError('E_BAD_ARGUMENT', `feature column ${j} is out of range [0, ${features.dim})`);
    }
    return features.values[i * features.dim + j]!;
  }

  /** Copies the feature row of bar i ≤ t into `out` at `offset` (no view into the matrix escapes). */
  copyFeatureRow(i: number, out: Float32Array, offset = 0): void {
    const features = this.#requireFeatureRow(i);
    const dim = features.dim;
    const base = i * dim;
    for (let j = 0; j < dim; j++) out[offset + j] = features.values[base + j]!;
  }

  /** Exposure held now (signed fraction of equity, after the fill at bar t's open). */
  get position(): number {
    return this.#position;
  }

  /** Account equity at bar t's close. */
  get equity(): number {
    return this.#equity;
  }

  /** Drawdown from the running equity peak at bar t's close, fraction in [0, 1]. */
  get drawdown(): number {
    return this.#drawdown;
  }

  #check(i: number): void {
    if ((i | 0) === i && i >= 0 && i <= this.#t) return;
    throw new TradegymError(
      'E_LOOKAHEAD',
      `strategy asked for bar ${i} at bar ${this.#t}: only integer bar indices 0 … ${this.#t} are visible (no look-ahead)`,
      { value: String(i) },
    );
  }

  #requireFeatureRow(i: number): FeatureMatrix {
    const features = this.#features;
    if (features === undefined) {
      throw new TradegymError('E_BAD_ARGUMENT', 'this backtest has no features; a strategy that reads them must declare needsFeatures: true');
    }
    this.#check(i);
    if (i < features.firstValidIndex) {
      throw new TradegymError(
        'E_BAD_ARGUMENT',
        `feature row ${i} is warm-up (first valid row is ${features.firstValidIndex}); start the backtest at or after it`,
      );
    }
    return features;
  }
}
