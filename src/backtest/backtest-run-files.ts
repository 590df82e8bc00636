import { equityCsv } from './equity-csv.js';
import type { LabeledResult } from './labeled-result.js';
import { metricsJson } from './metrics-json.js';
import { reportHtml } from './report-html.js';
import { tradesCsv } from './trades-csv.js';

/** What goes into a backtest run folder. */
export interface BacktestRunContent {
  readonly title: string;
  readonly description?: string;
  readonly results: readonly LabeledResult[];
  /** manifest.json: config, data fingerprint, seed, tradegym version, backend (JSON-safe). */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** Run facts for the report's details table. */
  readonly details: Readonly<Record<string, string>>;
}

/** The files of `backtests/runs/<name>-<timestamp>/`: metrics.json, equity.csv, trades.csv, manifest.json, report.html. */
export function backtestRunFiles(content: BacktestRunContent): Record<string, string> {
  const { results } = content;
  return {
    'metrics.json': metricsJson(results),
    'equity.csv': equityCsv(results),
    'trades.csv': tradesCsv(results),
    'manifest.json': `${JSON.stringify(content.manifest, null, 2)}\n`,
    'report.html': reportHtml({ title: content.title, description: content.description, results, details: content.details }),
  };
}
