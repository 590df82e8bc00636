import type { BacktestSpec } from '../backtest/backtest-spec.js';
import { validateBacktestSpec } from '../backtest/validate-backtest-spec.js';

/** Sizes of the demo: `full` for `npm start` (≈2 min on 2 cores), `quick` for tests and smoke runs (seconds). */
export type DemoScale = 'full' | 'quick';

const SIZES = {
  full: { sourceBars: 3000, targetBars: 2520, pretrain: 245_760, finetune: 16_384, nEnvs: 8, nSteps: 256, hidden: [64, 64] },
  quick: { sourceBars: 600, targetBars: 1000, pretrain: 2048, finetune: 1024, nEnvs: 4, nSteps: 128, hidden: [16, 16] },
} as const;

/**
 * The demo's knowledge-transfer experiment as a backtest spec (DESIGN.md, "The knowledge-transfer
 * experiment"). Sources: three synthetic daily markets (regime-switching GARCH-t, σ ≈ 1.26 %/day)
 * — two with planted AR(1) mean reversion (φ = −0.3, −0.15), one without. Target: a
 * differently-behaved market — 1.6× as volatile (σ = 2 %/day), a weaker reversion (φ = −0.2),
 * its own regimes — of which only the first half may be trained on, with a small budget
 * (16k env steps, a scarce-target setting where pretraining should pay). A base policy is
 * pretrained on the sources (246k steps); LoRA adapters (r = 8, α = 16), a full fine-tune and
 * PPO from scratch each get the same target budget; all are compared on the held-out half with
 * buy & hold and an SMA 10/30 crossover at 5 bps commission and 5 bps slippage. Everything is
 * generated from `seed`: same seed ⇒ same table (wall times aside); other seeds give other
 * (sometimes reversed) orderings, as a small experiment should.
 */
export function demoSpec(seed: number, scale: DemoScale = 'full'): BacktestSpec {
  const s = SIZES[scale];
  const source = (offset: number, symbol: string, signal?: { kind: 'mean-reversion'; strength: number }) =>
    ({ synthetic: { seed: seed * 100 + offset, bars: s.sourceBars, symbol, ...(signal !== undefined && { signal }) } });
  const ppo = { nSteps: s.nSteps, nEpochs: 4, learningRate: 3e-4, entCoef: 0.01, gamma: 0.9 };
  return validateBacktestSpec({
    name: 'transfer',
    description: 'Pretrain on three synthetic source markets (two mean-reverting, one plain); fine-tune on the first half of a more volatile, weaker mean-reverting target with a small budget; compare on its held-out half.',
    data: { synthetic: { seed: seed * 100 + 50, bars: s.targetBars, symbol: 'TARGET', volatilityPerBar: 0.02, signal: { kind: 'mean-reversion', strength: 0.2 } } },
    split: { train: 0.5, part: 'test' },
    strategies: [
      { trained: 'base', label: 'base zero-shot' },
      { trained: 'lora', label: 'LoRA fine-tune' },
      { trained: 'full-finetune', label: 'full fine-tune' },
      { trained: 'scratch', label: 'PPO from scratch' },
      { name: 'buy-and-hold', label: 'buy & hold' },
      { name: 'sma-crossover', params: { fast: 10, slow: 30 }, label: 'SMA 10/30' },
    ],
    costs: { commissionBps: 5, slippageBps: 5 },
    sizing: 'fractional',
    initialCash: 100_000,
    seed,
    transfer: {
      sources: [
        source(1, 'SRC-MEANREV', { kind: 'mean-reversion', strength: 0.3 }),
        source(2, 'SRC-PLAIN'),
        source(3, 'SRC-MEANREV-WEAK', { kind: 'mean-reversion', strength: 0.15 }),
      ],
      reward: 'sharpe-drawdown',
      episodeLength: 256,
      nEnvs: s.nEnvs,
      network: { actorHidden: [...s.hidden], criticHidden: [...s.hidden] },
      ppo,
      pretrain: { steps: s.pretrain },
      lora: { rank: 8, alpha: 16, steps: s.finetune, ppo: { learningRate: 1e-3 } },
      fullFinetune: { steps: s.finetune },
      scratch: { steps: s.finetune },
    },
  }, `demo (seed ${seed})`);
}
