/**
 * Maven Central's search API (shape: https://central.sonatype.org/search/rest-api-guide/, "gav" core),
 * crates.io (checked against its OpenAPI document), NuGet (shapes:
 * https://learn.microsoft.com/nuget/api/service-index, .../registration-base-url-resource and
 * .../search-query-service-resource) and the Go module proxy (https://go.dev/ref/mod#goproxy-protocol).
 */
import { json, missing, type Answer } from './answer.js';
import { cratesErrors } from './crates-openapi.js';
import { addDays, CRATES, DAILY, days, GO, GO_MOD_COMMENT, MAVEN, NUGET } from './fixtures.js';

export function maven(query: URLSearchParams): Answer {
  const m = /g:"?([^"\s]+)"?\s+AND\s+a:"?([^"\s]+)"?/.exec(query.get('q') ?? '');
  if (!m || query.get('core') !== 'gav' || query.get('wt') !== 'json') return { status: 400, text: 'bad query' };
  const [, g = '', a = ''] = m;
  const found = [...(MAVEN[`${g}:${a}`] ?? [])].sort((x, y) => y.timestamp - x.timestamp);
  const rows = Number(query.get('rows') ?? 20);
  const docs = found.slice(0, rows).map((d) => ({ id: `${g}:${a}:${d.v}`, g, a, v: d.v, p: 'jar', timestamp: d.timestamp, ec: ['-sources.jar', '.pom', '-javadoc.jar', '.jar'], tags: ['spring', 'boot'] }));
  return json({ responseHeader: { status: 0, QTime: 2, params: Object.fromEntries(query) }, response: { numFound: found.length, start: 0, docs } });
}

function crateVersion(name: string, v: { id: number; num: string; created_at: string; yanked: boolean }) {
  const path = `/api/v1/crates/${name}/${v.num}`;
  return {
    id: v.id, crate: name, num: v.num, dl_path: `${path}/download`, readme_path: `${path}/readme`, updated_at: v.created_at, created_at: v.created_at,
    downloads: 1_000_000, features: { default: ['json'], json: [] }, yanked: v.yanked, yank_message: v.yanked ? 'broke semver' : null, license: 'MIT',
    links: { dependencies: `${path}/dependencies`, version_downloads: `${path}/downloads`, authors: `${path}/authors` },
    crate_size: 180_000, audit_actions: [], checksum: '0'.repeat(64), published_by: null, rust_version: '1.78', edition: '2021', has_lib: true, bin_names: [],
  };
}

export function crates(path: string, today: string): Answer {
  const m = /^\/api\/v1\/crates\/([^/]+)(\/downloads)?$/.exec(path);
  const name = m?.[1] ?? '';
  const found = CRATES[name];
  const series = DAILY[`crates:${name}`];
  if (!m || !found || !series) return missing({ errors: [{ detail: `crate \`${name}\` does not exist` }] });
  if (m[2]) {
    // The top versions are counted per version, the rest together in `extra_downloads`.
    const [top, second] = found.versions.filter((v) => v.num === found.max_stable_version || v.yanked);
    const served = days(series, addDays(today, -90), addDays(today, -1));
    const perVersion = served.flatMap((d) => [
      { version: top?.id ?? 0, downloads: Math.floor(d.downloads * 0.6), date: d.day },
      { version: second?.id ?? 0, downloads: Math.floor(d.downloads * 0.3), date: d.day },
    ]);
    const extra = served.map((d) => ({ date: d.day, downloads: d.downloads - Math.floor(d.downloads * 0.6) - Math.floor(d.downloads * 0.3) }));
    const body = { version_downloads: perVersion, meta: { extra_downloads: extra } };
    return json(body, cratesErrors('/api/v1/crates/{name}/downloads', body));
  }
  const crate = {
    id: name, name, updated_at: found.versions[0]?.created_at, badges: [], created_at: '2021-07-30T15:00:00.000000Z', downloads: found.downloads, recent_downloads: 41_000_000,
    num_versions: found.versions.length, yanked: found.versions.every((v) => v.yanked), max_version: found.max_version, newest_version: found.max_version, max_stable_version: found.max_stable_version,
    default_version: found.max_stable_version, description: 'Web framework that focuses on ergonomics and modularity', exact_match: false, trustpub_only: false,
    links: { version_downloads: `/api/v1/crates/${name}/downloads`, reverse_dependencies: `/api/v1/crates/${name}/reverse_dependencies`, owners: null, owner_team: null, owner_user: null, versions: null },
    versions: found.versions.map((v) => v.id), categories: null, keywords: null, homepage: null, documentation: null, repository: 'https://github.com/tokio-rs/axum',
  };
  const body = { crate, versions: found.versions.map((v) => crateVersion(name, v)), keywords: [], categories: [] };
  return json(body, cratesErrors('/api/v1/crates/{name}', body));
}

const numeric = (v: string) => v.split(/[.-]/).map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [numeric(a), numeric(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

export function nuget(path: string, query: URLSearchParams, origin: string): Answer {
  if (path === '/v3/index.json') {
    return json({ version: '3.0.0', resources: [
      { '@id': `${origin}/query`, '@type': 'SearchQueryService/3.5.0', comment: 'Query endpoint of NuGet Search service' },
      { '@id': `${origin}/v3/registration5-semver1/`, '@type': 'RegistrationsBaseUrl/3.6.0', comment: 'Base URL of NuGet package registration info' },
    ] });
  }
  const id = path === '/query' ? /^packageid:(.+)$/i.exec(query.get('q') ?? '')?.[1] : /^\/v3\/registration5-semver1\/([^/]+)\/index\.json$/.exec(path)?.[1];
  const name = Object.keys(NUGET).find((n) => n.toLowerCase() === decodeURIComponent(id ?? '').toLowerCase());
  const found = name ? NUGET[name] : undefined;
  if (path === '/query') {
    const stable = (found?.versions ?? []).filter((v) => !v.version.includes('-') || query.get('prerelease') === 'true');
    const latest = stable.reduce<string | undefined>((best, v) => (best === undefined || newer(v.version, best) ? v.version : best), undefined);
    const data = name && found && latest ? [{ '@id': `${origin}/v3/registration5-semver1/${name.toLowerCase()}/index.json`, '@type': 'Package', id: name, version: latest, description: name, versions: stable.map((v) => ({ version: v.version, downloads: 1000, '@id': `${origin}/v3/registration5-semver1/${name.toLowerCase()}/${v.version}.json` })), totalDownloads: found.totalDownloads, verified: true, packageTypes: [{ name: 'Dependency' }] }] : [];
    return json({ totalHits: data.length, data });
  }
  if (!name || !found) return { status: 404, text: '<Error><Code>BlobNotFound</Code></Error>' };
  const base = `${origin}/v3/registration5-semver1/${name.toLowerCase()}`;
  const items = found.versions.map((v) => ({ '@id': `${base}/${v.version}.json`, '@type': 'Package', catalogEntry: { '@id': `${base}/catalog/${v.version}.json`, id: name, version: v.version, published: v.published, listed: true, ...(v.deprecation ? { deprecation: v.deprecation } : {}) }, packageContent: `${origin}/flat/${v.version}.nupkg`, registration: `${base}/index.json` }));
  return json({ '@id': `${base}/index.json`, count: 1, items: [{ '@id': `${base}/index.json#page/0/9`, count: items.length, lower: found.versions[0]?.version, upper: found.versions.at(-1)?.version, items }] });
}

export function goProxy(path: string): Answer {
  const decoded = path.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
  const m = /^\/(.+?)\/(@v\/list|@v\/(.+)\.(info|mod)|@latest)$/.exec(decoded);
  const versions = m?.[1] ? GO[m[1]] : undefined;
  if (!m || !versions) return { status: 404, text: `not found: module ${m?.[1] ?? path}: 404 Not Found` };
  if (m[2] === '@v/list') return { status: 200, text: versions.map((v) => `${v.Version}\n`).join('') };
  const wanted = m[2] === '@latest' ? versions.reduce((a, b) => (a.Time > b.Time ? a : b)) : versions.find((v) => v.Version === m[3]);
  if (!wanted) return { status: 404, text: `not found: ${m[3] ?? ''}: invalid version: unknown revision` };
  const comment = GO_MOD_COMMENT[m[1] ?? ''];
  return m[4] === 'mod' ? { status: 200, text: `${comment ? `${comment}\n` : ''}module ${m[1] ?? ''}\n\ngo 1.23\n` } : json(wanted);
}
