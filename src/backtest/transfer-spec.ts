import Type, { type Static } from 'typebox';
import { DataSpecSchema } from './data-spec.js';
import { CurriculumSchema, DistillSpecSchema, EpisodeConditionsSchema, EwcSpecSchema, LayerPlanSchema, QuantizationSchema } from './knowledge-spec.js';

const Steps = Type.Integer({ minimum: 1, description: 'PPO env steps' });
const PpoOverrides = Type.Object({}, { description: 'PPO hyper-parameter overrides (PpoConfig field names)' });

/**
 * The knowledge-transfer experiment (DESIGN.md): pretrain a base policy on `sources` (full
 * training), then on the spec's `data` training part fine-tune LoRA adapters, fine-tune all
 * weights, and train from scratch; the spec's strategies refer to the results with
 * `{ "trained": "base" | "lora" | "full-finetune" | "scratch" }` and are compared on the held-out part.
 * The knowledge-injection phases add `lora-ewc` (LoRA + EWC), `distilled` (a student distilled
 * from a teacher), `quantized` (a model exported with int8/float16 weights), `qlora` (adapters on
 * the quantized base) and `robust` (LoRA with domain randomisation / a curriculum).
 */
export const TransferSpecSchema = Type.Object(
  {
    sources: Type.Array(DataSpecSchema, { minItems: 1, description: 'source markets for pretraining' }),
    reward: Type.Optional(Type.String({ minLength: 1, description: 'reward name, default sharpe-drawdown' })),
    rewardOptions: Type.Optional(Type.Object({})),
    episodeLength: Type.Optional(Type.Integer({ minimum: 2 })),
    nEnvs: Type.Optional(Type.Integer({ minimum: 1 })),
    network: Type.Optional(
      Type.Object(
        {
          actorHidden: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 })),
          criticHidden: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    ppo: Type.Optional(PpoOverrides),
    pretrain: Type.Object({ steps: Steps, ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false }),
    lora: Type.Object(
      {
        rank: Type.Integer({ minimum: 1 }),
        alpha: Type.Number({ exclusiveMinimum: 0 }),
        steps: Steps,
        ppo: Type.Optional(PpoOverrides),
        layers: Type.Optional(LayerPlanSchema),
      },
      { additionalProperties: false },
    ),
    fullFinetune: Type.Optional(Type.Object({ steps: Steps, ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false })),
    scratch: Type.Optional(Type.Object({ steps: Steps, ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false })),
    loraEwc: Type.Optional(
      Type.Object({ steps: Steps, ewc: EwcSpecSchema, ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false, description: 'the LoRA phase plus EWC on the base\'s source markets' }),
    ),
    distilled: Type.Optional(
      Type.Object(
        {
          steps: Steps,
          distill: DistillSpecSchema,
          network: Type.Optional(
            Type.Object(
              { actorHidden: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 })), criticHidden: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 })) },
              { additionalProperties: false },
            ),
          ),
          ppo: Type.Optional(PpoOverrides),
        },
        { additionalProperties: false, description: 'a fresh student trained on the target: behaviour cloning from the teacher, then PPO with the distillation term' },
      ),
    ),
    quantized: Type.Optional(
      Type.Object(
        { from: Type.Optional(Type.Union([Type.Literal('lora'), Type.Literal('base'), Type.Literal('full-finetune')])), dtype: Type.Optional(QuantizationSchema) },
        { additionalProperties: false, description: 'export a trained model with tfjs weight quantization (default: the LoRA fine-tune, uint8)' },
      ),
    ),
    qlora: Type.Optional(
      Type.Object({ steps: Steps, dtype: Type.Optional(QuantizationSchema), ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false, description: 'LoRA adapters fine-tuned on the base loaded from quantized weights' }),
    ),
    robust: Type.Optional(
      Type.Object(
        { steps: Steps, conditions: Type.Optional(EpisodeConditionsSchema), curriculum: Type.Optional(CurriculumSchema), ppo: Type.Optional(PpoOverrides) },
        { additionalProperties: false, description: 'the LoRA phase with per-episode domain randomisation and/or a curriculum' },
      ),
    ),
    trainCosts: Type.Optional(
      Type.Object(
        { commissionBps: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })), slippageBps: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })) },
        { additionalProperties: false, description: 'costs while training (default: the spec\'s costs); set lower than the backtest\'s to stress-test robustness' },
      ),
    ),
    forgetting: Type.Optional(Type.Boolean({ description: 'report the source markets\' Sharpe of each model against the base (default true)' })),
  },
  { additionalProperties: false },
);

/** A validated transfer-experiment section. */
export type TransferSpec = Static<typeof TransferSpecSchema>;

/** Models the transfer experiment produces, as strategies name them. */
export const TRAINED_MODELS = ['base', 'lora', 'full-finetune', 'scratch', 'lora-ewc', 'distilled', 'quantized', 'qlora', 'robust'] as const;

/** One of {@link TRAINED_MODELS}. */
export type TrainedModel = (typeof TRAINED_MODELS)[number];
