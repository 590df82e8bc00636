import path from 'node:path';
import { TradegymError } from '../core/errors.js';
import { type CheckpointFs, isNotFound, nodeCheckpointFs } from './checkpoint-fs.js';

let sequence = 0;

/**
 * Writes a directory atomically: `fill` populates a fresh temp directory next to `target`
 * (`.<name>.tmp-<pid>-<n>`, same file system), which is then renamed into place. An existing
 * `target` is renamed away first (`.<name>.old-…`), the new one renamed in, and the old one
 * deleted; if the swap fails the old one is renamed back. If `fill` throws, the temp directory
 * is removed and `target` is untouched. `mustContain` guards against replacing a directory
 * that is not one of ours (e.g. `manifest.json`).
 */
export async function writeDirectoryAtomically(
  target: string,
  mustContain: string,
  fill: (tempDir: string) => Promise<void>,
  fs: CheckpointFs = nodeCheckpointFs,
): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const name = path.basename(path.resolve(target));
  await fs.mkdir(parent);
  const existing = await existingKind(target, mustContain, fs);
  const stamp = `${process.pid}-${sequence++}`;
  const temp = path.join(parent, `.${name}.tmp-${stamp}`);
  await fs.remove(temp);
  await fs.mkdir(temp);
  try {
    await fill(temp);
  } catch (e) {
    await fs.remove(temp).catch(() => undefined);
    throw e;
  }
  const old = path.join(parent, `.${name}.old-${stamp}`);
  if (existing) await fs.rename(target, old);
  try {
    await fs.rename(temp, target);
  } catch (e) {
    const restored = !existing || (await fs.rename(old, target).then(() => true, () => false));
    await fs.remove(temp).catch(() => undefined);
    const kept = restored ? 'The previous checkpoint was kept.' : `The previous checkpoint is at ${old}; rename it back to ${target}.`;
    throw new TradegymError('E_CHECKPOINT', `Could not move the new checkpoint into ${target}: ${(e as Error).message}. ${kept}`, { file: target }, { cause: e });
  }
  if (existing) await fs.remove(old);
}

/** true if `target` exists and holds `mustContain`; false if missing; throws if it is something else. */
async function existingKind(target: string, mustContain: string, fs: CheckpointFs): Promise<boolean> {
  try {
    const info = await fs.stat(target);
    if (info.isDirectory() && (await fs.readdir(target)).includes(mustContain)) return true;
    if (info.isDirectory() && (await fs.readdir(target)).length === 0) {
      await fs.remove(target);
      return false;
    }
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
  throw new TradegymError(
    'E_CHECKPOINT',
    `Refusing to overwrite ${target}: it exists but is not a tradegym checkpoint (no ${mustContain}). Choose another path or remove it.`,
    { file: target },
  );
}
