import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** URL path of the charting library served from node_modules. */
export const CHARTS_URL = '/vendor/lightweight-charts.mjs';

/**
 * Absolute path of the dashboard's folder: `public/` next to this module, or, when running
 * from a tsc build in `dist/` (which does not copy assets), the source tree's one.
 */
export function publicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'public'), join(here, '..', '..', '..', 'src', 'server', 'public')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

/** Absolute path of lightweight-charts' standalone ES module build, resolved through node_modules. */
export function chartsModulePath(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('lightweight-charts/package.json');
  return join(dirname(packageJson), 'dist', 'lightweight-charts.standalone.production.mjs');
}

/**
 * Serves the dashboard (`/`, `/app.js`, `/style.css`, …) from its folder with
 * `@fastify/static` (which rejects paths that leave the root, encoded or not) and the
 * charting library as one fixed file: no URL can name any other file.
 */
export async function registerStaticRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: publicDir(), prefix: '/', index: ['index.html'], dotfiles: 'deny', cacheControl: false });
  const charts = chartsModulePath();
  app.get(CHARTS_URL, (_request, reply) => reply.sendFile(basename(charts), dirname(charts)));
}
