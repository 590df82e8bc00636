import Type, { type Static } from 'typebox';
import { DataSpecSchema } from './data-spec.js';

const Steps = Type.Integer({ minimum: 1, description: 'PPO env steps' });
const PpoOverrides = Type.Object({}, { description: 'PPO hyper-parameter overrides (PpoConfig field names)' });

/**
 * The knowledge-transfer experiment (DESIGN.md): pretrain a base policy on `sources` (full
 * training), then on the spec's `data` training part fine-tune LoRA adapters, fine-tune all
 * weights, and train from scratch; the spec's strategies refer to the results with
 * `{ "trained": "base" | "lora" | "full-finetune" | "scratch" }` and are compared on the held-out part.
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
      },
      { additionalProperties: false },
    ),
    fullFinetune: Type.Optional(Type.Object({ steps: Steps, ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false })),
    scratch: Type.Optional(Type.Object({ steps: Steps, ppo: Type.Optional(PpoOverrides) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** A validated transfer-experiment section. */
export type TransferSpec = Static<typeof TransferSpecSchema>;

/** Models the transfer experiment produces, as strategies name them. */
export const TRAINED_MODELS = ['base', 'lora', 'full-finetune', 'scratch'] as const;

/** One of {@link TRAINED_MODELS}. */
export type TrainedModel = (typeof TRAINED_MODELS)[number];
