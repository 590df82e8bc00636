import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { CLIENT_MESSAGE_SCHEMAS, type ClientMessage } from './protocol.js';
import { ProtocolError } from './protocol-error.js';

const VALIDATORS = new Map<string, Validator>(
  Object.entries(CLIENT_MESSAGE_SCHEMAS).map(([type, schema]: [string, TSchema]) => [type, Compile(schema)]),
);

/** Most schema problems listed in one error message. */
const MAX_LISTED_PROBLEMS = 3;

/**
 * Validates one incoming frame at the boundary: text, at most `maxBytes` bytes, JSON, an
 * object with a known `type`, and the exact schema of that type (no extra fields).
 * @throws ProtocolError with E_TOO_LARGE, E_BAD_JSON, E_UNKNOWN_TYPE or E_SCHEMA and a sentence saying what to fix.
 */
export function parseClientMessage(frame: Buffer | string, isBinary: boolean, maxBytes: number): ClientMessage {
  const size = typeof frame === 'string' ? Buffer.byteLength(frame) : frame.length;
  if (size > maxBytes) {
    throw new ProtocolError('E_TOO_LARGE', `message of ${size} bytes exceeds the limit of ${maxBytes} bytes; send smaller messages`);
  }
  if (isBinary) throw new ProtocolError('E_BAD_JSON', 'binary frames are not accepted; send JSON text');
  let value: unknown;
  try {
    value = JSON.parse(frame.toString());
  } catch (e) {
    throw new ProtocolError('E_BAD_JSON', `message is not valid JSON (${(e as Error).message}); send one JSON object per frame`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('E_SCHEMA', 'message must be a JSON object with a "type" field');
  }
  const { type, requestId: rawRequestId } = value as { type?: unknown; requestId?: unknown };
  const requestId = typeof rawRequestId === 'string' && rawRequestId.length > 0 && rawRequestId.length <= 64 ? rawRequestId : undefined;
  const validator = typeof type === 'string' ? VALIDATORS.get(type) : undefined;
  if (validator === undefined) {
    const known = [...VALIDATORS.keys()].join(', ');
    throw new ProtocolError('E_UNKNOWN_TYPE', `unknown message type ${JSON.stringify(type ?? null)}; expected one of ${known}`, requestId);
  }
  if (!validator.Check(value)) {
    const problems = validator
      .Errors(value)
      .filter((p) => p.message !== 'schema is false')
      .slice(0, MAX_LISTED_PROBLEMS)
      .map((p) => `${p.instancePath || '(message)'} ${p.message}`);
    throw new ProtocolError('E_SCHEMA', `invalid "${type}" message: ${problems.join('; ')} (see PROTOCOL.md)`, requestId);
  }
  return value as ClientMessage;
}
