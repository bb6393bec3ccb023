/**
 * NuGet: the service index names the registration and search services; search (`packageid:`, stable
 * only) gives NuGet's latest stable listed version and `totalDownloads`, the registration index that
 * version's publication date and `deprecation` (pages the index does not inline are fetched).
 */
import { z } from 'zod';
import { RegistryFault } from './http.js';
import type { Fetcher } from './fetcher.js';
import { figures, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

export const NUGET_SERVICE_INDEX = z.object({ resources: z.array(z.object({ '@id': z.string(), '@type': z.string() })) });
const deprecation = z.object({ reasons: z.array(z.string()).default([]), alternatePackage: z.object({ id: z.string() }).nullish() });
const leaf = z.object({ catalogEntry: z.object({ version: z.string(), published: z.string().nullish(), deprecation: deprecation.nullish() }) });
const page = z.object({ '@id': z.string(), items: z.array(leaf).optional() });
export const NUGET_REGISTRATION = z.object({ items: z.array(page) });
export const NUGET_SEARCH = z.object({ data: z.array(z.object({ id: z.string(), version: z.string(), totalDownloads: z.number().int().nullish() })) });

/** The registration base (with its trailing slash) and search URLs a validated service index names. */
export function readServiceIndex(index: z.infer<typeof NUGET_SERVICE_INDEX>): { registrations: string; search: string } {
  const find = (type: string) => index.resources.find((r) => r['@type'].startsWith(type))?.['@id'];
  const registrations = find('RegistrationsBaseUrl/3.6.0') ?? find('RegistrationsBaseUrl');
  const query = find('SearchQueryService');
  if (!registrations || !query) throw new RegistryFault('invalid-response', 'the service index names no registration or search service');
  return { registrations: registrations.replace(/\/?$/, '/'), search: query };
}

/** The search hit for package `id` (any case): NuGet's latest stable version and its total downloads. */
export function readSearch(doc: z.infer<typeof NUGET_SEARCH>, id: string): { version: string; downloadsTotal: number | null } {
  const hit = doc.data.find((d) => d.id.toLowerCase() === id.toLowerCase());
  if (!hit) throw new RegistryFault('not-found', 'NuGet search does not know the package');
  return { version: hit.version, downloadsTotal: hit.totalDownloads ?? null };
}

type VersionFacts = Pick<PackageFigures, 'versionAt' | 'deprecated' | 'replacement'>;

/** When `version` was published and its deprecation, from a page's leaves; undefined when the page does not list it. */
export function versionIn(items: z.infer<typeof leaf>[], version: string): VersionFacts | undefined {
  const entry = items.find((i) => i.catalogEntry.version.toLowerCase() === version.toLowerCase())?.catalogEntry;
  if (!entry) return undefined;
  return { versionAt: isoTime(entry.published), deprecated: Boolean(entry.deprecation), replacement: entry.deprecation?.alternatePackage?.id ?? null };
}

async function versionFacts(f: Fetcher, indexUrl: string, version: string): Promise<VersionFacts> {
  const index = await f.json('nuget', indexUrl, NUGET_REGISTRATION, { conditional: true });
  for (const p of index.items) {
    const items = p.items ?? (await f.json('nuget', p['@id'], z.object({ items: z.array(leaf) }), { conditional: true })).items;
    const found = versionIn(items, version);
    if (found) return found;
  }
  return { versionAt: null, deprecated: null, replacement: null };
}

export async function fetchNuget(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const urls = readServiceIndex(await f.json('nuget', '/v3/index.json', NUGET_SERVICE_INDEX, { conditional: true }));
  const found = await f.json('nuget', `${urls.search}?q=packageid:${encodeURIComponent(request.name)}&prerelease=false&semVerLevel=2.0.0`, NUGET_SEARCH);
  const hit = readSearch(found, request.name);
  const facts = await versionFacts(f, `${urls.registrations}${encodeURIComponent(request.name.toLowerCase())}/index.json`, hit.version);
  return figures({ ...hit, ...facts });
}
