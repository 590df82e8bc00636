import type { TLocalizedValidationError } from 'typebox/error';

/** A JSON-schema node as TypeBox emits it (plain data). */
type SchemaNode = Record<string, unknown>;

/**
 * Turns TypeBox validation errors into one sentence per problem, each naming the field
 * path (`strategies[1].params.fast`), what was expected (type, limits, the valid values or
 * fields) and what was found. `anyOf` failures are narrowed to the variant the value most
 * resembles, so a typo in one strategy entry does not print every other variant's rules.
 *
 * @param schema the schema the value was checked against (to list valid fields/values)
 * @param value the checked value (to show what was found)
 */
export function schemaErrorMessages(schema: unknown, errors: readonly TLocalizedValidationError[], value: unknown): string[] {
  const kept = narrowAnyOf(schema, errors, value);
  const messages = kept.map((error) => describeError(schema, error, value)).filter((m): m is string => m !== undefined);
  return [...new Set(messages)];
}

/** Renders a JSON pointer as a field path: "/strategies/1/params/fast" → "strategies[1].params.fast". */
export function fieldPath(instancePath: string): string {
  if (instancePath === '') return '(root)';
  let out = '';
  for (const part of pointerParts(instancePath)) out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

function pointerParts(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointerParts(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Drops the errors of anyOf variants other than the best-matching one (outermost first). */
function narrowAnyOf(schema: unknown, errors: readonly TLocalizedValidationError[], value: unknown): TLocalizedValidationError[] {
  let kept = [...errors];
  const anyOfs = kept.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const anyOf of anyOfs) {
    if (!kept.includes(anyOf)) continue;
    const variants = ((resolvePointer(schema, anyOf.schemaPath) as SchemaNode | undefined)?.anyOf ?? []) as SchemaNode[];
    const prefix = `${anyOf.schemaPath}/anyOf/`;
    const under = (e: TLocalizedValidationError) => e.schemaPath.startsWith(prefix) && isWithin(e.instancePath, anyOf.instancePath);
    const best = variants.every((v) => 'const' in v) ? -1 : bestVariant(variants, resolvePointer(value, anyOf.instancePath));
    if (best < 0) {
      kept = kept.filter((e) => !under(e));
      continue;
    }
    const chosen = `${prefix}${best}`;
    kept = kept.filter((e) => e !== anyOf && (!under(e) || e.schemaPath === chosen || e.schemaPath.startsWith(`${chosen}/`)));
  }
  return kept.filter((e) => !(e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')));
}

function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/** Index of the object variant sharing the most keys with `value`, or -1 when none shares any. */
function bestVariant(variants: readonly SchemaNode[], value: unknown): number {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return -1;
  const keys = Object.keys(value);
  let best = -1;
  let bestScore = 0;
  variants.forEach((variant, i) => {
    const properties = (variant.properties ?? {}) as SchemaNode;
    const required = (variant.required ?? []) as string[];
    const score = keys.filter((k) => k in properties).length + keys.filter((k) => required.includes(k)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

function describeError(schema: unknown, error: TLocalizedValidationError, value: unknown): string | undefined {
  const path = fieldPath(error.instancePath);
  const found = describeValue(resolvePointer(value, error.instancePath));
  const node = resolvePointer(schema, error.schemaPath) as SchemaNode | undefined;
  switch (error.keyword) {
    case 'type':
      return `${path}: expected ${[error.params.type].flat().join(' or ')}, got ${found}`;
    case 'required':
      return error.params.requiredProperties.map((p) => `${fieldPath(`${error.instancePath}/${p}`)}: missing (required)`).join('; ');
    case 'additionalProperties': {
      const valid = Object.keys((node?.properties ?? {}) as SchemaNode).join(', ');
      const unknown = error.params.additionalProperties.map((p) => `'${p}'`).join(', ');
      return `${path}: unknown field ${unknown}; valid fields: ${valid}`;
    }
    case 'anyOf':
      return `${path}: expected one of ${describeVariants(node)}, got ${found}`;
    case 'enum':
      return `${path}: expected one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(' | ')}, got ${found}`;
    case 'const':
      return `${path}: expected ${JSON.stringify(error.params.allowedValue)}, got ${found}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${path}: expected a number ${error.params.comparison} ${error.params.limit}, got ${found}`;
    case 'minItems':
      return `${path}: expected at least ${error.params.limit} item(s), got ${found}`;
    case 'minLength':
      return `${path}: expected a string of at least ${error.params.limit} character(s), got ${found}`;
    case 'pattern':
      return `${path}: expected text matching ${String(error.params.pattern)}${describeHint(node)}, got ${found}`;
    default:
      return `${path}: ${error.message}, got ${found}`;
  }
}

function describeVariants(node: SchemaNode | undefined): string {
  const variants = (node?.anyOf ?? []) as SchemaNode[];
  return variants
    .map((v) => ('const' in v ? JSON.stringify(v.const) : v.properties ? `{${Object.keys(v.properties as SchemaNode).join(', ')}}` : String(v.type)))
    .join(' | ');
}

function describeHint(node: SchemaNode | undefined): string {
  return typeof node?.description === 'string' ? ` (${node.description})` : '';
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v !== null && typeof v === 'object') return `an object with fields ${Object.keys(v).join(', ') || '(none)'}`;
  const text = JSON.stringify(v);
  return `${typeof v === 'string' ? 'string' : typeof v} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
