import { TradegymError } from '../core/errors.js';
import type { DenseParameterCount } from './adapted-dense.js';

/**
 * What fine-tuning does to one dense layer: keep it `frozen`, train it in `full`, or give it a
 * LoRA adapter of its own rank (and α; default the plan's α).
 */
export type LayerRole = 'frozen' | 'full' | { readonly rank: number; readonly alpha?: number };

/**
 * A layered fine-tuning plan: roles by layer name (`actor/hidden_0`, …, `actor/head`,
 * `critic/…`). Layers it does not name follow the plan's global selection (`actorLayers`,
 * `criticLayers`, `heads`, `rank`, `alpha` of `LoraOptions`), e.g.
 * `{ "actor/hidden_0": "frozen", "actor/hidden_1": { "rank": 4 }, "actor/head": "full" }`
 * freezes the first layer, adapts the middle one and trains the head — the layer-wise recipe of
 * parameter-efficient transfer (Howard & Ruder 2018, arXiv:1801.06146; LoRA, arXiv:2106.09685).
 */
export type LayerPlan = Readonly<Record<string, LayerRole>>;

/** A plan with every LoRA role's α filled in. */
export type ResolvedLayerPlan = Record<string, 'frozen' | 'full' | { rank: number; alpha: number }>;

/**
 * Validates a plan against the network's layer names and fills each adapter's α with
 * `defaultAlpha`; throws `E_BAD_CONFIG` naming the layer and listing the valid names.
 */
export function resolveLayerPlan(plan: unknown, layerNames: readonly string[], defaultAlpha: number): ResolvedLayerPlan {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) bad('lora.layers', plan, 'an object of layer name → role');
  const out: ResolvedLayerPlan = {};
  for (const [name, role] of Object.entries(plan as Record<string, unknown>)) {
    if (!layerNames.includes(name)) bad(`lora.layers["${name}"]`, name, `a layer name: ${layerNames.join(', ')}`);
    if (role === 'frozen' || role === 'full') {
      out[name] = role;
      continue;
    }
    const { rank, alpha } = (role ?? {}) as { rank?: unknown; alpha?: unknown };
    if (typeof role !== 'object' || !Number.isInteger(rank) || (rank as number) < 1) bad(`lora.layers["${name}"]`, role, '"frozen", "full" or { "rank": r ≥ 1, "alpha"?: α > 0 }');
    const a = alpha ?? defaultAlpha;
    if (typeof a !== 'number' || !(a > 0 && Number.isFinite(a))) bad(`lora.layers["${name}"].alpha`, alpha, 'a number > 0');
    out[name] = { rank: rank as number, alpha: a };
  }
  return out;
}

/**
 * Parses the CLI form of a plan: comma-separated `layer=role` with role `frozen`, `full`,
 * `lora:<rank>` or `lora:<rank>:<alpha>`, e.g. `actor/hidden_0=frozen,actor/hidden_1=lora:4:8,actor/head=full`.
 * Layer names are checked later against the network (`resolveLayerPlan`).
 */
export function parseLayerPlan(text: string): LayerPlan {
  const plan: Record<string, LayerRole> = {};
  for (const entry of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const [name, role] = entry.split('=').map((s) => s.trim());
    const lora = /^lora:(\d+)(?::([0-9.eE+-]+))?$/.exec(role ?? '');
    if (!name || (role !== 'frozen' && role !== 'full' && lora === null)) {
      bad('--layers', entry, 'layer=frozen, layer=full, layer=lora:<rank> or layer=lora:<rank>:<alpha>, comma-separated');
    }
    plan[name!] = lora === null ? (role as 'frozen' | 'full') : { rank: Number(lora[1]), ...(lora[2] !== undefined && { alpha: Number(lora[2]) }) };
  }
  return plan;
}

/** One row of a per-layer trainable-parameter report. */
export interface LayerRoleRow extends DenseParameterCount {
  /** `frozen`, `full` or `lora r=<rank>`. */
  role: string;
}

/** Labels each layer's parameter count with the role it had in training (from what it trains). */
export function layerRoleRows(layers: readonly DenseParameterCount[]): LayerRoleRow[] {
  return layers.map((l) => ({
    ...l,
    role: l.rank > 0 ? `lora r=${l.rank}` : l.trainable === 0 ? 'frozen' : l.trainable >= l.base ? 'full' : 'partial',
  }));
}

function bad(field: string, value: unknown, expected: string): never {
  throw new TradegymError('E_BAD_CONFIG', `Invalid fine-tune option ${field} = ${JSON.stringify(value)}: expected ${expected}.`, { column: field, value: String(value) });
}
