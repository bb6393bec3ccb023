/**
 * RubyGems: `/api/v1/gems/NAME.json` for the latest version and the total downloads (the only figure it
 * publishes), `/api/v1/versions/NAME.json` for that version's date (the `ruby` platform's entry when a
 * gem ships several).
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { figures, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const gem = z.object({ version: z.string(), downloads: z.number().int().nonnegative() });
const versions = z.array(z.object({ number: z.string(), created_at: z.string(), platform: z.string().default('ruby'), prerelease: z.boolean() }));

export async function fetchRubygems(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const name = encodeURIComponent(request.name);
  const [info, list] = await settleAll([
    f.json('rubygems', `/api/v1/gems/${name}.json`, gem, { conditional: true }),
    f.json('rubygems', `/api/v1/versions/${name}.json`, versions, { conditional: true }),
  ]);
  const entries = list.filter((v) => v.number === info.version);
  const entry = entries.find((v) => v.platform === 'ruby') ?? entries[0];
  return figures({ version: info.version, versionAt: isoTime(entry?.created_at), downloadsTotal: info.downloads });
}
