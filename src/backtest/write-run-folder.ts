import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Folder name of a run: `<name>-<UTC yyyyMMdd-HHmmss>`, e.g. "demo-20240131-142530". */
export function runFolderName(name: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${name}-${stamp}`;
}

/**
 * Writes `files` (name → text) into a new folder `parentDir/folderName` atomically: everything
 * goes into a hidden temporary sibling first, which is renamed into place, so a reader never
 * sees a half-written run. An existing folder of that name gets a "-2", "-3", … suffix.
 * Returns the final path.
 */
export async function writeRunFolder(parentDir: string, folderName: string, files: Readonly<Record<string, string>>): Promise<string> {
  await mkdir(parentDir, { recursive: true });
  const temp = join(parentDir, `.${folderName}.tmp-${process.pid}-${Date.now()}`);
  await mkdir(temp);
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(temp, name), text, 'utf8');
    const target = await freePath(parentDir, folderName);
    await rename(temp, target);
    return target;
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}

async function freePath(parentDir: string, folderName: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = join(parentDir, i === 1 ? folderName : `${folderName}-${i}`);
    try {
      await stat(candidate);
    } catch {
      return candidate;
    }
  }
}
