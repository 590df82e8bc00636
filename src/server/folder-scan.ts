import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A file or directory found inside a configured folder. */
export interface FolderEntry {
  /** Path relative to the folder, with '/' separators: the id clients use. */
  readonly id: string;
  /** Absolute real path (symlinks resolved), guaranteed inside the folder. */
  readonly path: string;
  readonly isDirectory: boolean;
  readonly sizeBytes: number;
  /** Last modification time, epoch milliseconds. */
  readonly modifiedMs: number;
}

/** Limits of {@link scanFolder}. */
export interface ScanOptions {
  /** Deepest level listed (1 = the folder's own entries). Default 3. */
  maxDepth?: number;
  /** Most entries returned. Default 5000. */
  maxEntries?: number;
}

/** True when `candidate` (a real path) is `root` or lies inside it. */
export function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Lists a folder's entries (depth-first, sorted, hidden names skipped) with their real paths.
 * Every entry whose real path leaves the folder (a symlink pointing outside) is left out,
 * so ids built from the result can only ever resolve inside it. A missing folder lists empty.
 */
export async function scanFolder(folder: string, options: ScanOptions = {}): Promise<FolderEntry[]> {
  const maxDepth = options.maxDepth ?? 3;
  const maxEntries = options.maxEntries ?? 5000;
  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    return [];
  }
  const out: FolderEntry[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= maxEntries) return;
      const entry = await describe(root, join(dir, name));
      if (!entry) continue;
      out.push(entry);
      if (entry.isDirectory && depth < maxDepth) await walk(entry.path, depth + 1);
    }
  };
  await walk(root, 1);
  return out;
}

async function describe(root: string, path: string): Promise<FolderEntry | null> {
  try {
    const real = await realpath(path);
    if (!isInside(root, real) || real === root) return null;
    const info = await stat(real);
    const id = relative(root, path).split(sep).join('/');
    return { id, path: real, isDirectory: info.isDirectory(), sizeBytes: info.size, modifiedMs: info.mtimeMs };
  } catch {
    return null;
  }
}
