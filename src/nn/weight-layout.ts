import { type ActorCriticConfig, type ResolvedLora, fineTuneRole } from './actor-critic-config.js';
import { denseLayerName } from './mlp.js';

/** A weight's checkpoint name and shape. */
export interface WeightShape {
  name: string;
  shape: number[];
}

interface DenseSlot {
  network: 'actor' | 'critic';
  index: number;
  hiddenCount: number;
  name: string;
  inputSize: number;
  units: number;
}

function denseSlots(config: ActorCriticConfig): DenseSlot[] {
  const slots: DenseSlot[] = [];
  const plan = [
    ['actor', config.actorHidden, config.actionCount],
    ['critic', config.criticHidden, 1],
  ] as const;
  for (const [network, hidden, outputSize] of plan) {
    let width = config.observationSize;
    [...hidden, outputSize].forEach((units, index) => {
      slots.push({ network, index, hiddenCount: hidden.length, name: denseLayerName(network, index, hidden.length), inputSize: width, units });
      width = units;
    });
  }
  return slots;
}

/** Names and shapes of a base (or merged) checkpoint's weights, derived from the network config alone. */
export function baseWeightLayout(config: ActorCriticConfig): WeightShape[] {
  return denseSlots(config).flatMap((s) => [
    { name: `${s.name}/kernel`, shape: [s.inputSize, s.units] },
    { name: `${s.name}/bias`, shape: [s.units] },
  ]);
}

/** Names and shapes of an adapter checkpoint's weights: A, B of adapted layers plus trained base weights. */
export function adapterWeightLayout(config: ActorCriticConfig, lora: ResolvedLora): WeightShape[] {
  return denseSlots(config).flatMap((s) => {
    const role = fineTuneRole(lora, s.network, s.index, s.hiddenCount);
    const out: WeightShape[] = [];
    if (role.adapter) {
      out.push({ name: `${s.name}/lora_a`, shape: [s.inputSize, role.rank] }, { name: `${s.name}/lora_b`, shape: [role.rank, s.units] });
    }
    if (role.baseTrainable) {
      out.push({ name: `${s.name}/kernel`, shape: [s.inputSize, s.units] }, { name: `${s.name}/bias`, shape: [s.units] });
    }
    return out;
  });
}
