/**
 * RubyGems: `/api/v1/gems/NAME.json` for the latest version and the total downloads (the only figure it
 * publishes), `/api/v1/versions/NAME.json` for that version's date (the `ruby` platform's entry when a
 * gem ships several; older gem documents have no `version_created_at`, so the list is always asked).
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { figures, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

export const GEM = z.object({ version: z.string(), downloads: z.number().int().nonnegative().nullish() });
export const GEM_VERSIONS = z.array(z.object({ number: z.string(), created_at: z.string().nullish(), platform: z.string().default('ruby') }));

export function readGem(gem: z.infer<typeof GEM>, versions: z.infer<typeof GEM_VERSIONS>): PackageFigures {
  const entries = versions.filter((v) => v.number === gem.version);
  const entry = entries.find((v) => v.platform === 'ruby') ?? entries[0];
  return figures({ version: gem.version, versionAt: isoTime(entry?.created_at), downloadsTotal: gem.downloads ?? null });
}

export async function fetchRubygems(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const name = encodeURIComponent(request.name);
  const [gem, versions] = await settleAll([
    f.json('rubygems', `/api/v1/gems/${name}.json`, GEM, { conditional: true }),
    f.json('rubygems', `/api/v1/versions/${name}.json`, GEM_VERSIONS, { conditional: true }),
  ]);
  return readGem(gem, versions);
}
