/**
 * NuGet: the service index names the registration and search services; search (`packageid:`, stable
 * only) gives NuGet's latest stable listed version and `totalDownloads`, the registration index that
 * version's publication date (pages the index does not inline are fetched).
 */
import { z } from 'zod';
import { RegistryFault } from './http.js';
import type { Fetcher } from './fetcher.js';
import { figures, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const serviceIndex = z.object({ resources: z.array(z.object({ '@id': z.string(), '@type': z.string() })) });
const leaf = z.object({ catalogEntry: z.object({ version: z.string(), published: z.string().optional() }) });
const page = z.object({ '@id': z.string(), items: z.array(leaf).optional() });
const registration = z.object({ items: z.array(page) });
const search = z.object({ data: z.array(z.object({ id: z.string(), version: z.string(), totalDownloads: z.number().int() })) });

async function services(f: Fetcher): Promise<{ registrations: string; search: string }> {
  const index = await f.json('nuget', '/v3/index.json', serviceIndex, { conditional: true });
  const find = (type: string) => index.resources.find((r) => r['@type'].startsWith(type))?.['@id'];
  const registrations = find('RegistrationsBaseUrl/3.6.0') ?? find('RegistrationsBaseUrl');
  const query = find('SearchQueryService');
  if (!registrations || !query) throw new RegistryFault('invalid-response', 'the service index names no registration or search service');
  return { registrations: registrations.replace(/\/?$/, '/'), search: query };
}

async function published(f: Fetcher, indexUrl: string, version: string): Promise<string | null> {
  const index = await f.json('nuget', indexUrl, registration, { conditional: true });
  for (const p of index.items) {
    const items = p.items ?? (await f.json('nuget', p['@id'], z.object({ items: z.array(leaf) }), { conditional: true })).items;
    const entry = items.find((i) => i.catalogEntry.version.toLowerCase() === version.toLowerCase());
    if (entry) return isoTime(entry.catalogEntry.published);
  }
  return null;
}

export async function fetchNuget(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const urls = await services(f);
  const id = request.name.toLowerCase();
  const found = await f.json('nuget', `${urls.search}?q=packageid:${encodeURIComponent(request.name)}&prerelease=false&semVerLevel=2.0.0`, search);
  const hit = found.data.find((d) => d.id.toLowerCase() === id);
  if (!hit) throw new RegistryFault('not-found', 'NuGet search does not know the package');
  const versionAt = await published(f, `${urls.registrations}${encodeURIComponent(id)}/index.json`, hit.version);
  return figures({ version: hit.version, versionAt, downloadsTotal: hit.totalDownloads });
}
