import { createHash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import type { FeatureMatrix } from './feature-matrix.js';

/**
 * Binary feature-cache file: 8-byte magic "TGFEAT01", uint32 LE header length H, H bytes of
 * JSON header (space-padded so the payload starts at a multiple of 8), then the Float32 payload
 * (rows × dim, row-major, platform byte order recorded in the header).
 */
const MAGIC = 'TGFEAT01';
const PREFIX_BYTES = 12;
const MAX_HEADER_BYTES = 1 << 20;
let tempCounter = 0;

/** The JSON header of a cache file. */
export interface FeatureCacheHeader {
  /** `FEATURE_CODE_VERSION` of the code that wrote the file. */
  readonly codeVersion: string;
  /** `dataFingerprint` of the bars. */
  readonly fingerprint: string;
  /** `featureConfigHash` of the configuration. */
  readonly configHash: string;
  readonly names: readonly string[];
  readonly dim: number;
  readonly rows: number;
  readonly firstValidIndex: number;
  readonly endianness: 'LE' | 'BE';
  readonly payloadBytes: number;
  /** SHA-256 (hex) of the payload bytes. */
  readonly payloadSha256: string;
}

/** What identifies the data, configuration and code a file was computed from. */
export type FeatureCacheStamp = Pick<FeatureCacheHeader, 'codeVersion' | 'fingerprint' | 'configHash'>;

/** What a reader expects; everything but the payload checksum must match the header. */
export type ExpectedFeatureCache = Omit<FeatureCacheHeader, 'payloadBytes' | 'payloadSha256' | 'endianness'>;

/** A cache file's outcome: the matrix, or why it was rejected (missing, corrupt, stale). */
export type FeatureCacheRead =
  | { readonly ok: true; readonly matrix: FeatureMatrix }
  | { readonly ok: false; readonly reason: string };

/** SHA-256 (hex) of a Float32 payload's bytes. */
function payloadSha256(values: Float32Array): string {
  return createHash('sha256').update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)).digest('hex');
}

/**
 * Writes a cache file atomically: to a unique temporary file in the same directory, then
 * `rename` over `path`, so readers see either the old file or the complete new one.
 */
export async function writeFeatureCacheFile(path: string, matrix: FeatureMatrix, stamp: FeatureCacheStamp): Promise<void> {
  const header: FeatureCacheHeader = {
    ...stamp,
    names: matrix.names, dim: matrix.dim, rows: matrix.rows, firstValidIndex: matrix.firstValidIndex,
    endianness: endianness(), payloadBytes: matrix.values.byteLength, payloadSha256: payloadSha256(matrix.values),
  };
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((PREFIX_BYTES + Buffer.byteLength(json)) % 8)) % 8);
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(Buffer.byteLength(json), 8);
  const payload = new Uint8Array(matrix.values.buffer, matrix.values.byteOffset, matrix.values.byteLength);
  const temp = `${path}.${process.pid}.${Date.now()}.${(tempCounter += 1)}.tmp`;
  try {
    const file = await open(temp, 'wx');
    try {
      await writeFully(file, Buffer.concat([prefix, Buffer.from(json)]));
      await writeFully(file, payload);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Reads and verifies a cache file. Sizes and shapes are checked against `expected` before the
 * payload is allocated, and the payload's SHA-256 must match the header: a truncated, corrupt or
 * stale file is reported as `{ ok: false, reason }`, never returned as data.
 */
export async function readFeatureCacheFile(path: string, expected: ExpectedFeatureCache): Promise<FeatureCacheRead> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return { ok: false, reason: 'no cache file' };
  }
  try {
    const size = (await file.stat()).size;
    const prefix = Buffer.alloc(PREFIX_BYTES);
    if (size < PREFIX_BYTES || !(await readFully(file, prefix, 0))) return bad('truncated prefix');
    if (prefix.toString('latin1', 0, 8) !== MAGIC) return bad('wrong magic bytes');
    const headerBytes = prefix.readUInt32LE(8);
    if (headerBytes > MAX_HEADER_BYTES || PREFIX_BYTES + headerBytes > size) return bad('header length out of range');
    const headerBuffer = Buffer.alloc(headerBytes);
    if (!(await readFully(file, headerBuffer, PREFIX_BYTES))) return bad('truncated header');
    const problem = headerProblem(headerBuffer.toString('utf8'), expected, size - PREFIX_BYTES - headerBytes);
    if (typeof problem === 'string') return bad(problem);
    const values = new Float32Array(expected.rows * expected.dim);
    const bytes = new Uint8Array(values.buffer);
    if (!(await readFully(file, bytes, PREFIX_BYTES + headerBytes))) return bad('truncated payload');
    if (payloadSha256(values) !== problem.payloadSha256) return bad('payload checksum mismatch');
    const { dim, rows, firstValidIndex } = expected;
    return { ok: true, matrix: { names: [...expected.names], dim, rows, values, firstValidIndex } };
  } finally {
    await file.close();
  }
}

/** Appends all of `source` at the handle's current position. */
async function writeFully(file: FileHandle, source: Uint8Array): Promise<void> {
  let done = 0;
  while (done < source.byteLength) done += (await file.write(source, done, source.byteLength - done)).bytesWritten;
}

/** Fills `target` from `position`; false when the file ends first. */
async function readFully(file: FileHandle, target: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < target.byteLength) {
    const { bytesRead } = await file.read(target, done, target.byteLength - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

function bad(reason: string): FeatureCacheRead {
  return { ok: false, reason };
}

/** The parsed header when it matches `expected` and the payload size, else what is wrong. */
function headerProblem(text: string, expected: ExpectedFeatureCache, payloadBytesOnDisk: number): FeatureCacheHeader | string {
  let header: Partial<FeatureCacheHeader>;
  try {
    header = JSON.parse(text) as Partial<FeatureCacheHeader>;
  } catch {
    return 'header is not JSON';
  }
  if (typeof header !== 'object' || header === null) return 'header is not an object';
  for (const field of ['codeVersion', 'fingerprint', 'configHash', 'dim', 'rows', 'firstValidIndex'] as const) {
    if (header[field] !== expected[field]) return `header ${field} differs`;
  }
  const names: unknown = header.names;
  if (!Array.isArray(names) || names.length !== expected.names.length || names.some((n, j) => n !== expected.names[j])) {
    return 'feature names differ';
  }
  if (header.endianness !== endianness()) return 'byte order differs';
  const payloadBytes = expected.rows * expected.dim * Float32Array.BYTES_PER_ELEMENT;
  if (header.payloadBytes !== payloadBytes || payloadBytesOnDisk !== payloadBytes) return 'payload size differs';
  if (typeof header.payloadSha256 !== 'string') return 'payload checksum missing';
  return header as FeatureCacheHeader;
}
