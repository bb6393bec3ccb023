/**
 * The Go module proxy: `/MODULE/@v/list` lists the tagged versions, of which the highest stable one is
 * the module's version, dated by its `/@v/VERSION.info`. A module with no stable tag has no version:
 * `/@latest` would name a prerelease or a pseudo-version. Paths are case-encoded (`!` before a lowercased capital). The proxy publishes no downloads.
 */
import { z } from 'zod';
import type { Fetcher } from './fetcher.js';
import { figures, highestStable, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const info = z.object({ Version: z.string(), Time: z.string().nullish() });

function escaped(text: string): string {
  return text.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

export async function fetchGo(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const module = `/${escaped(request.name)}`;
  const list = await f.text('go', `${module}/@v/list`, { conditional: true });
  const stable = highestStable(list.split('\n').map((v) => ({ version: v.trim(), at: null })).filter((v) => v.version !== ''));
  if (!stable) return figures({});
  const latest = await f.json('go', `${module}/@v/${escaped(stable.version)}.info`, info, { conditional: true });
  return figures({ version: latest.Version, versionAt: isoTime(latest.Time) });
}
