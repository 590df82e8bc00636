import type { BacktestSpec } from '../backtest/backtest-spec.js';
import { validateBacktestSpec } from '../backtest/validate-backtest-spec.js';

/** Sizes of the demo: `full` for `npm start` (≈25 s on 2 cores), `quick` for tests and smoke runs (seconds). */
export type DemoScale = 'full' | 'quick';

const SIZES = {
  full: { sourceBars: 3000, targetBars: 2520, pretrain: 245_760, finetune: 16_384, nEnvs: 8, nSteps: 256, hidden: [64, 64] },
  quick: { sourceBars: 600, targetBars: 1500, pretrain: 2048, finetune: 1024, nEnvs: 4, nSteps: 128, hidden: [16, 16] },
} as const;

/** Daily volatility of the target's log returns, σ (2 %/day ≈ 32 %/yr). */
const TARGET_VOLATILITY = 0.02;

/** Fraction of the target's bars that may be trained on: 20 % of 2520 = 504 bars ≈ 2 years. */
const TARGET_TRAIN_FRACTION = 0.2;

/**
 * The demo's knowledge-transfer experiment as a backtest spec (DESIGN.md, "The knowledge-transfer
 * experiment"), in the classic setting where pretraining should pay: a *scarce target*.
 *
 * - Sources: three synthetic daily markets (regime-switching GARCH-t, 3000 bars each) from one
 *   family — a planted AR(1) mean reversion of the same sign, φ = −0.3, −0.2, −0.15 — at
 *   volatilities σ = 1 %, 1.6 % and 2.5 %/day, so the base sees the signal across risk levels.
 * - Target: the same family with its own regime path and shocks, σ = 2 %/day (inside the
 *   sources' range, equal to none) and φ = −0.2. Only its first 20 % (504 bars ≈ 2 years) may be
 *   trained on, with a small budget (16k env steps); the other 2016 bars (8 years) are held out.
 * - Training: the base is pretrained on the sources (246k steps, PPO γ = 0.9, 4 epochs,
 *   lr 3e-4, entropy 0.01); LoRA adapters (r = 8, α = 16, lr 1e-3), a full fine-tune and PPO
 *   from scratch each get the same target budget.
 * - Reward: `sharpe-drawdown` with λ = 0.25 and the differential Sharpe's prior variance set to
 *   the target's σ² (4e-4). With the default λ = 1 the drawdown term costs ≈ E[max(0, −R)] ≈ 0.4 σ
 *   per bar in the market, while the differential Sharpe term pays ≈ η·E[R]/σ ≈ E[R] (η = 0.01,
 *   σ ≈ 1 %) and an AR(1) edge of |φ| = 0.15–0.3 earns only E[R] ≈ 0.1–0.25 σ after costs: being
 *   flat scored best, and the pretrained base was in the market on ≈ 5 % of the target's bars.
 *
 * All are compared on the held-out 80 % with buy & hold and an SMA 10/30 crossover at 5 bps
 * commission and 5 bps slippage. Everything is generated from `seed`: same seed ⇒ same table
 * (wall times aside). On seeds 7–9 the pretrained rows (base, LoRA, full fine-tune) beat the rule
 * baselines and PPO from scratch, and LoRA matches or improves on the base with 30 % of its
 * trainable parameters; an 8-year held-out Sharpe still has a standard error of ≈ 0.35, so other
 * seeds give other (sometimes reversed) orderings, as a small experiment should.
 */
export function demoSpec(seed: number, scale: DemoScale = 'full'): BacktestSpec {
  const s = SIZES[scale];
  const source = (offset: number, symbol: string, volatilityPerBar: number, strength: number) =>
    ({ synthetic: { seed: seed * 100 + offset, bars: s.sourceBars, symbol, volatilityPerBar, signal: { kind: 'mean-reversion' as const, strength } } });
  const ppo = { nSteps: s.nSteps, nEpochs: 4, learningRate: 3e-4, entCoef: 0.01, gamma: 0.9 };
  return validateBacktestSpec({
    name: 'transfer',
    description: 'Pretrain on three mean-reverting synthetic source markets (σ = 1–2.5 %/day); fine-tune on the first 2 years of a mean-reverting target (σ = 2 %/day) with a small budget; compare on its held-out 8 years.',
    data: { synthetic: { seed: seed * 100 + 50, bars: s.targetBars, symbol: 'TARGET', volatilityPerBar: TARGET_VOLATILITY, signal: { kind: 'mean-reversion', strength: 0.2 } } },
    split: { train: TARGET_TRAIN_FRACTION, part: 'test' },
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
        source(1, 'SRC-MEANREV-CALM', 0.01, 0.3),
        source(2, 'SRC-MEANREV', 0.016, 0.2),
        source(3, 'SRC-MEANREV-WILD', 0.025, 0.15),
      ],
      reward: 'sharpe-drawdown',
      rewardOptions: { lambda: 0.25, priorVariance: TARGET_VOLATILITY ** 2 },
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
