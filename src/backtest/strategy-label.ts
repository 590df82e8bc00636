import { basename } from 'node:path';
import type { StrategySpec } from './backtest-spec.js';

/**
 * The column label of a spec's strategy: its `label`, else the rule name with params
 * (`sma-crossover {"fast":10,"slow":30}`), the checkpoint folder name, or the trained model.
 */
export function strategyLabel(spec: StrategySpec): string {
  if (spec.label !== undefined) return spec.label;
  if ('name' in spec) return spec.params && Object.keys(spec.params).length > 0 ? `${spec.name} ${JSON.stringify(spec.params)}` : spec.name;
  if ('checkpoint' in spec) return basename(spec.checkpoint.replace(/[\\/]+$/, ''));
  return spec.trained;
}
