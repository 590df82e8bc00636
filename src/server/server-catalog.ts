import { join } from 'node:path';
import { RULE_STRATEGIES } from '../../strategies/rule-strategies.js';
import type { CheckpointInfo, DataFileInfo, StoredRunInfo, StrategyInfo } from './api-schemas.js';
import { scanFolder, type FolderEntry } from './folder-scan.js';
import { CATALOG_ID_MAX_LENGTH, CATALOG_ID_PATTERN } from './protocol.js';
import { readJsonCapped } from './read-json-capped.js';

/** The folders the server may read from; nothing outside them is ever opened. */
export interface CatalogFolders {
  /** Holds CSV market data (searched 3 levels deep). */
  dataDir: string;
  /** Holds checkpoint directories (each with a manifest.json). */
  checkpointsDir: string;
  /** Holds stored backtest runs (`backtests/runs/<name>/`). */
  runsDir: string;
}

const ID_RE = new RegExp(CATALOG_ID_PATTERN);
const listable = (e: FolderEntry): boolean => e.id.length <= CATALOG_ID_MAX_LENGTH && ID_RE.test(e.id);

/**
 * Builds the id lists clients choose from (data files, checkpoints, stored runs, rule
 * strategies) by scanning the configured folders, and maps ids back to paths by looking
 * them up in a fresh scan: a client-supplied string is never joined onto a path, and every
 * path returned lies inside its folder (see {@link scanFolder}).
 */
export class ServerCatalog {
  constructor(readonly folders: CatalogFolders) {}

  /** CSV files in the data folder; id = path relative to it, e.g. "sample/trend-daily.csv". */
  async dataFiles(): Promise<DataFileInfo[]> {
    return (await this.dataEntries()).map(({ id, sizeBytes, modifiedMs }) => ({ id, sizeBytes, modifiedMs }));
  }

  /** Checkpoint directories (holding manifest.json) with the manifest's `kind`. */
  async checkpoints(): Promise<CheckpointInfo[]> {
    const entries = await this.checkpointEntries();
    return Promise.all(
      entries.map(async ({ id, path, modifiedMs }) => ({ id, kind: (await manifestOf(path)).kind, modifiedMs })),
    );
  }

  /** Stored backtest runs: directories directly in the runs folder. */
  async storedRuns(): Promise<StoredRunInfo[]> {
    const entries = await scanFolder(this.folders.runsDir, { maxDepth: 1 });
    return entries.filter((e) => e.isDirectory && listable(e)).map(({ id, modifiedMs }) => ({ id, modifiedMs }));
  }

  /** The built-in rule strategies. */
  strategies(): StrategyInfo[] {
    return RULE_STRATEGIES.map((d) => ({
      id: d.name,
      description: d.description,
      defaults: Object.fromEntries(Object.entries(d.defaults).filter((kv): kv is [string, number] => typeof kv[1] === 'number')),
    }));
  }

  /** True when `id` names a listed rule strategy. */
  hasStrategy(id: string): boolean {
    return RULE_STRATEGIES.some((d) => d.name === id);
  }

  /** Real path of the listed data file `id`, or undefined when it is not listed. */
  async dataPath(id: string): Promise<string | undefined> {
    return (await this.dataEntries()).find((e) => e.id === id)?.path;
  }

  /**
   * The listed checkpoint `id` and, for an adapter, the listed base checkpoint whose weights
   * fingerprint equals the adapter's `baseFingerprint` (an adapter cannot run without it).
   * Undefined when `id` is not listed; `baseDir` undefined when no matching base is listed.
   */
  async checkpointWithBase(id: string): Promise<{ dir: string; kind: string | null; baseDir?: string } | undefined> {
    const entries = await this.checkpointEntries();
    const entry = entries.find((e) => e.id === id);
    if (!entry) return undefined;
    const manifest = await manifestOf(entry.path);
    if (manifest.kind !== 'adapter') return { dir: entry.path, kind: manifest.kind };
    for (const candidate of entries) {
      const base = await manifestOf(candidate.path);
      if (base.kind === 'base' && base.fingerprint !== null && base.fingerprint === manifest.baseFingerprint) {
        return { dir: entry.path, kind: manifest.kind, baseDir: candidate.path };
      }
    }
    return { dir: entry.path, kind: manifest.kind };
  }

  /** The stored run `id`'s metrics.json (parsed, size-capped), or undefined when not listed. */
  async storedRunSummary(id: string): Promise<{ run: StoredRunInfo; summary: Record<string, unknown> | null } | undefined> {
    const entry = (await scanFolder(this.folders.runsDir, { maxDepth: 1 })).find((e) => e.isDirectory && e.id === id);
    if (!entry || !listable(entry)) return undefined;
    const metrics = await readJsonCapped(join(entry.path, 'metrics.json'), 1024 * 1024);
    return { run: { id: entry.id, modifiedMs: entry.modifiedMs }, summary: isRecord(metrics) ? metrics : null };
  }

  private async dataEntries(): Promise<FolderEntry[]> {
    const entries = await scanFolder(this.folders.dataDir);
    return entries.filter((e) => !e.isDirectory && e.id.toLowerCase().endsWith('.csv') && listable(e));
  }

  private async checkpointEntries(): Promise<FolderEntry[]> {
    const entries = await scanFolder(this.folders.checkpointsDir);
    const manifests = new Set(entries.filter((e) => !e.isDirectory && e.id.endsWith('/manifest.json')).map((e) => e.id.slice(0, -'/manifest.json'.length)));
    return entries.filter((e) => e.isDirectory && manifests.has(e.id) && listable(e));
  }
}

/** The manifest fields the catalog reads; nulls when the manifest is missing or malformed. */
async function manifestOf(dir: string): Promise<{ kind: string | null; fingerprint: string | null; baseFingerprint: string | null }> {
  const json = await readJsonCapped(join(dir, 'manifest.json'));
  const field = (name: string) => (isRecord(json) && typeof json[name] === 'string' ? json[name] : null);
  return { kind: field('kind'), fingerprint: field('fingerprint'), baseFingerprint: field('baseFingerprint') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
