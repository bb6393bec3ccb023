/**
 * Maven Central: the search API's `gav` core lists a group:artifact's versions with their timestamps
 * (newest first); the highest stable one is the package's version. Maven Central publishes no downloads.
 */
import { z } from 'zod';
import { RegistryFault } from './http.js';
import type { Fetcher } from './fetcher.js';
import { figures, highestStable, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

/** The newest versions are enough to find the highest stable one. */
const ROWS = 200;

const select = z.object({
  response: z.object({ numFound: z.number().int(), docs: z.array(z.object({ v: z.string(), timestamp: z.number().nullish() })) }),
});

export async function fetchMaven(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const [group, artifact] = request.name.split(':');
  if (!group || !artifact) throw new RegistryFault('not-found', `"${request.name}" is not group:artifact`);
  const q = encodeURIComponent(`g:"${group}" AND a:"${artifact}"`);
  const doc = await f.json('maven', `/solrsearch/select?q=${q}&core=gav&rows=${ROWS}&wt=json`, select);
  if (doc.response.numFound === 0) throw new RegistryFault('not-found', 'Maven Central lists no version');
  const stable = highestStable(doc.response.docs.map((d) => ({ version: d.v, at: isoTime(d.timestamp) })));
  return figures({ version: stable?.version ?? null, versionAt: stable?.at ?? null });
}
