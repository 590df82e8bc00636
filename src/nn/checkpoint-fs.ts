import * as fsp from 'node:fs/promises';

/**
 * The file-system operations checkpoints use. Production code passes `nodeCheckpointFs`;
 * tests substitute a wrapper that fails at a chosen step to prove writes are atomic.
 */
export interface CheckpointFs {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Size in bytes and kind; rejects with code ENOENT when missing. */
  stat(path: string): Promise<{ size: number; isDirectory(): boolean }>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  /** Recursive, force (no error when missing). */
  remove(path: string): Promise<void>;
}

/** `CheckpointFs` over `node:fs/promises`. */
export const nodeCheckpointFs: CheckpointFs = {
  readFile: (path) => fsp.readFile(path),
  writeFile: (path, data) => fsp.writeFile(path, data),
  stat: (path) => fsp.stat(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  readdir: (path) => fsp.readdir(path),
  rename: (from, to) => fsp.rename(from, to),
  remove: (path) => fsp.rm(path, { recursive: true, force: true }),
};

/** True when `e` is a Node "no such file or directory" error. */
export function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
