import type { TrainedModel } from '../backtest/transfer-spec.js';
import type { CostModelOptions } from '../market/cost-model.js';
import type { SizingMode } from '../market/sizing.js';
import type { TrainedCheckpoint } from './build-spec-strategies.js';
import type { MarketSource } from './market-source.js';
import { meanSharpe, policyMetricsOnMarkets, type MarketMetrics } from './policy-market-metrics.js';
import { loadMarkets } from './pretrain.js';

/** Models fine-tuned from the transfer base (the ones that can forget it). */
const FINE_TUNES_OF_BASE: readonly TrainedModel[] = ['lora', 'full-finetune', 'lora-ewc', 'robust', 'qlora', 'quantized'];

/** Source-market performance of one model. */
export interface SourceMarketReport {
  /** Per source market. */
  markets: MarketMetrics[];
  /** Mean Sharpe over the source markets. */
  meanSharpe: number | null;
  /** Base mean Sharpe − this model's (fine-tunes of the base only; null otherwise). */
  forgetting: number | null;
}

/**
 * The forgetting report of the knowledge-transfer experiment: every trained model is backtested
 * greedily on the base's source markets (whole series after the warm-up — the data the base
 * learned from); forgetting = mean source Sharpe of the base − that of the fine-tuned model
 * (Kirkpatrick et al. 2017, arXiv:1612.00796, measure old-task performance after new training).
 * Positive means the fine-tune lost what the base could do; EWC should make it smaller.
 * Sets `forgetting` on each entry of `trained` and returns the full report.
 */
export async function addForgettingReport(
  trained: Partial<Record<TrainedModel, TrainedCheckpoint>>,
  sources: readonly MarketSource[],
  settings: { costs?: CostModelOptions; sizing?: SizingMode; initialCash?: number; seed?: number; featureCacheDir?: string },
): Promise<Partial<Record<TrainedModel, SourceMarketReport>>> {
  const markets = await loadMarkets(sources, settings.featureCacheDir === undefined ? {} : { featureCacheDir: settings.featureCacheDir });
  const ranges = markets.map((market) => ({ market, start: 0, end: market.series.timestamps.length }));
  const report: Partial<Record<TrainedModel, SourceMarketReport>> = {};
  for (const [name, checkpoint] of Object.entries(trained) as [TrainedModel, TrainedCheckpoint][]) {
    const metrics = await policyMetricsOnMarkets({ dir: checkpoint.dir, ...(checkpoint.base !== undefined && { base: checkpoint.base }) }, ranges, settings);
    report[name] = { markets: metrics, meanSharpe: meanSharpe(metrics), forgetting: null };
  }
  const base = report.base?.meanSharpe ?? null;
  for (const [name, entry] of Object.entries(report) as [TrainedModel, SourceMarketReport][]) {
    const derived = name === 'base' || FINE_TUNES_OF_BASE.includes(name);
    entry.forgetting = derived && base !== null && entry.meanSharpe !== null ? base - entry.meanSharpe : null;
    trained[name] = { ...trained[name]!, forgetting: entry.forgetting };
  }
  return report;
}
