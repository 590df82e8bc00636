import { open } from 'node:fs/promises';

/**
 * Reads and parses a small JSON file the server found itself (a manifest, a metrics file),
 * refusing files larger than `maxBytes` before reading them. Returns null when the file is
 * missing, too large or not valid JSON: listings show what they can and never crash.
 */
export async function readJsonCapped(path: string, maxBytes = 256 * 1024): Promise<unknown> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return null;
    const text = await handle.readFile({ encoding: 'utf8' });
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
