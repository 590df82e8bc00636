import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import type { ActorCritic } from '../nn/actor-critic.js';
import type { AuxiliaryLoss } from './auxiliary-loss.js';
import { ewcPenalty } from './ewc-penalty.js';
import type { DiagonalFisher } from './fisher-information.js';

/** Options of {@link ElasticWeightConsolidation}. */
export interface EwcOptions {
  /** λ, the penalty's weight. */
  lambda: number;
  /**
   * `mean` (default): divide F by its mean over all penalised entries, so λ·Σ F̃·Δθ² reads as
   * λ × (a Fisher-weighted ‖Δθ‖²) whatever the network size and reward scale; `none`: raw F,
   * as in the paper (λ then needs tuning per model).
   */
  normalize?: 'mean' | 'none';
}

/** Summary of the Fisher an EWC term uses, for run manifests. */
export interface EwcSummary {
  lambda: number;
  normalize: 'mean' | 'none';
  states: number;
  /** Mean raw Fisher over the penalised entries. */
  fisherMean: number;
  /** Number of penalised parameters. */
  parameters: number;
}

/**
 * EWC as an auxiliary PPO loss (Kirkpatrick et al. 2017, arXiv:1612.00796): anchors θ* are the
 * policy's effective weights when constructed (the base, before or just after attaching
 * adapters — B = 0 leaves them unchanged) and the loss is Σ F·(θ − θ*)² over the Fisher's
 * parameters, with weight λ. θ are the effective weights W + A·B·α/r, so one base Fisher serves
 * LoRA, layered and full fine-tuning alike: for a LoRA layer the penalty constrains ΔW = A·B·α/r.
 */
export class ElasticWeightConsolidation implements AuxiliaryLoss {
  readonly name = 'ewc';
  readonly summary: EwcSummary;
  private readonly anchors = new Map<string, tf.Tensor>();
  private readonly fisher = new Map<string, tf.Tensor>();

  /**
   * @param policy the policy being fine-tuned (penalised).
   * @param anchor the policy whose current effective weights are θ* (default `policy` itself, as it
   *   is now); pass the loaded base when `policy` has already been trained (a resumed fine-tune).
   */
  constructor(private readonly policy: ActorCritic, fisher: DiagonalFisher, options: EwcOptions, anchor: ActorCritic = policy) {
    const normalize = options.normalize ?? 'mean';
    if (!(options.lambda >= 0 && Number.isFinite(options.lambda))) {
      throw new TradegymError('E_BAD_CONFIG', `EWC λ is ${options.lambda}; expected a finite number ≥ 0 (e.g. 1).`, { column: 'lambda', value: String(options.lambda) });
    }
    let total = 0;
    let entries = 0;
    for (const values of fisher.values.values()) {
      for (const v of values) total += v;
      entries += values.length;
    }
    const mean = entries > 0 ? total / entries : 0;
    const divisor = normalize === 'mean' && mean > 0 ? mean : 1;
    tf.tidy(() => {
      for (const { name, tensor } of anchor.effectiveWeights()) {
        const values = fisher.values.get(name);
        if (values === undefined) continue;
        this.anchors.set(name, tf.keep(tensor.clone()));
        this.fisher.set(name, tf.keep(tf.div(tf.tensor(values, fisher.shapes.get(name)), divisor)));
      }
    });
    this.summary = { lambda: options.lambda, normalize, states: fisher.states, fisherMean: mean, parameters: entries };
  }

  /** λ at every point of training. */
  weight(): number {
    return this.summary.lambda;
  }

  /**
   * Σ F·(θ − θ*)² of the policy's current effective weights (unweighted). Layers with nothing
   * trainable are skipped: their term is constant (0 unless edited outside training) and has no gradient.
   */
  loss(): tf.Scalar {
    const current = this.policy.layers
      .filter((layer) => layer.hasTrainable() && this.anchors.has(`${layer.name}/kernel`))
      .flatMap((layer) => [
        { name: `${layer.name}/kernel`, tensor: layer.effectiveKernel() as tf.Tensor },
        { name: `${layer.name}/bias`, tensor: layer.bias as tf.Tensor },
      ]);
    return ewcPenalty(current, this.anchors, this.fisher, 1);
  }

  /** The current unweighted penalty as a number (monitoring). */
  value(): number {
    return tf.tidy(() => this.loss().dataSync()[0]!);
  }

  /** Frees the anchors and Fisher tensors. */
  dispose(): void {
    tf.dispose([...this.anchors.values(), ...this.fisher.values()]);
    this.anchors.clear();
    this.fisher.clear();
  }
}
