import path from 'node:path';
import { selectBackend, type BackendPreference } from '../nn/backend.js';
import { quantizePolicy, type QuantizationReport } from '../nn/quantize-policy.js';
import type { WeightQuantization } from '../nn/quantize-weights.js';
import type { MarketArgument } from './market-source.js';
import { policyMetricsOnMarkets, type MarketBacktestSettings, type MarketMetrics } from './policy-market-metrics.js';
import { loadMarkets } from './pretrain.js';

/** What `tradegym quantize` exports and where it checks the result. */
export interface QuantizeRequest {
  /** Base, merged or adapter checkpoint. */
  checkpoint: string;
  /** Base of an adapter. */
  base?: string;
  out: string;
  dtype: WeightQuantization;
  /** Backtest the float32 and the quantized policy on this market (optional). */
  market?: MarketArgument;
  /** Backtest only the last share of the market's bars (default 1: all after the warm-up). */
  testFraction?: number;
  backtest?: MarketBacktestSettings;
}

/** The export's sizes and weight error, and the backtest metrics of both policies. */
export interface QuantizeOutcome {
  report: QuantizationReport;
  comparison: { float32: MarketMetrics; quantized: MarketMetrics } | null;
}

/**
 * Exports a policy with tfjs weight quantization (see `quantizePolicy`) and, when a market is
 * given, backtests the float32 source and the quantized export on the same bars with the same
 * costs, so the metric change of quantization is measured rather than assumed.
 */
export async function runQuantize(request: QuantizeRequest, options: { backend?: BackendPreference; log?: (line: string) => void; featureCacheDir?: string } = {}): Promise<QuantizeOutcome> {
  await selectBackend(options.backend ?? 'auto', options.log);
  const report = await quantizePolicy({ checkpoint: request.checkpoint, ...(request.base !== undefined && { base: request.base }), out: request.out, dtype: request.dtype });
  if (request.market === undefined) return { report, comparison: null };
  const [market] = await loadMarkets([request.market], options.featureCacheDir === undefined ? {} : { featureCacheDir: options.featureCacheDir });
  const n = market!.series.timestamps.length;
  const range = { market: market!, start: Math.round(n * (1 - (request.testFraction ?? 1))), end: n };
  const source = { dir: path.resolve(request.checkpoint), ...(request.base !== undefined && { base: path.resolve(request.base) }) };
  const [float32] = await policyMetricsOnMarkets(source, [range], request.backtest);
  const [quantized] = await policyMetricsOnMarkets({ dir: request.out }, [range], request.backtest);
  return { report, comparison: { float32: float32!, quantized: quantized! } };
}
