/**
 * RubyGems (shape: https://guides.rubygems.org/rubygems-org-api/, "GET /api/v1/gems/[GEM NAME].json"
 * and "GET /api/v1/versions/[GEM NAME].json"; yanked versions are not listed), Packagist (shape:
 * https://packagist.org/apidoc, "Getting package data", and the statistics behind each package's
 * /stats page, `/packages/VENDOR/NAME/stats/all.json?average=daily&from=DAY`) and Hex (checked against
 * the API Blueprint in the shared specs, "Fetch a Package").
 */
import { json, missing, type Answer } from './answer.js';
import { addDays, DAILY, days, GEMS, HEX, PACKAGIST, sum } from './fixtures.js';
import { hexPackageErrors } from './hex-blueprint.js';

export function rubygems(path: string): Answer {
  const m = /^\/api\/v1\/(gems|versions)\/([^/]+)\.json$/.exec(path);
  const name = decodeURIComponent(m?.[2] ?? '');
  const gem = GEMS[name];
  if (!m || !gem) return { status: 404, text: 'This rubygem could not be found.' };
  if (m[1] === 'versions') {
    return json(gem.versions.map((v) => ({ authors: 'DHH', built_at: v.created_at, created_at: v.created_at, description: name, downloads_count: 1000, metadata: {}, number: v.number, summary: name, platform: v.platform ?? 'ruby', rubygems_version: '>= 1.8.11', ruby_version: '>= 3.2.0', prerelease: v.prerelease, licenses: ['MIT'], requirements: [], sha: '0'.repeat(64) })));
  }
  const current = gem.versions.find((v) => v.number === gem.version);
  return json({ name, downloads: gem.downloads, version: gem.version, version_created_at: current?.created_at, version_downloads: 1000, platform: 'ruby', authors: 'DHH', info: name, licenses: ['MIT'], metadata: {}, yanked: false, sha: '0'.repeat(64), project_uri: `https://rubygems.org/gems/${name}`, gem_uri: `https://rubygems.org/gems/${name}-${gem.version}.gem`, dependencies: { development: [], runtime: [] } });
}

export function packagist(path: string, query: URLSearchParams, today: string): Answer {
  const m = /^\/packages\/([^/]+\/[^/]+?)(\.json|\/stats\/all\.json)$/.exec(path);
  const name = decodeURIComponent(m?.[1] ?? '');
  const found = PACKAGIST[name];
  const series = DAILY[`packagist:${name}`];
  if (!m || !found || !series) return missing({ status: 'error', message: 'Package not found' });
  const yesterday = addDays(today, -1);
  if (m[2] === '.json') {
    const versions = Object.fromEntries(Object.entries(found.versions).map(([v, time]) => [v, { name, version: v, version_normalized: v.replace(/^v/, ''), time, type: 'library', license: ['MIT'] }]));
    const downloads = { total: found.totalBefore + sum(days(series, series.start, yesterday)), monthly: sum(days(series, addDays(today, -30), yesterday)), daily: sum(days(series, yesterday, yesterday)) };
    return json({ package: { name, description: 'The Laravel Framework.', time: '2013-01-10T21:50:43+00:00', type: 'library', repository: `https://github.com/${name}`, downloads, favers: 34_000, versions, ...(found.abandoned === undefined ? {} : { abandoned: found.abandoned }) } });
  }
  if (query.get('average') !== 'daily') return { status: 400, body: { status: 'error', message: 'the fake serves daily averages only' } };
  const from = query.get('from') ?? addDays(today, -30);
  const served = days(series, from, yesterday);
  return json({ labels: served.map((d) => d.day), values: { [name]: served.map((d) => d.downloads) }, average: 'daily' });
}

export function hex(path: string): Answer {
  const m = /^\/api\/packages\/([^/]+)$/.exec(path);
  const name = decodeURIComponent(m?.[1] ?? '');
  const found = HEX[name];
  if (!found) return missing({ status: 404, message: 'Page not found' });
  const body = {
    name,
    repository: 'hexpm',
    url: `https://hex.pm/api/packages/${name}`,
    html_url: `https://hex.pm/packages/${name}`,
    docs_html_url: `https://hexdocs.pm/${name}`,
    meta: { links: { GitHub: 'https://github.com/phoenixframework/phoenix' }, licenses: ['MIT'], description: 'Peace of mind from prototype to production' },
    downloads: found.downloads,
    releases: found.releases.map((r) => ({ ...r, url: `https://hex.pm/api/packages/${name}/releases/${r.version}`, has_docs: true })),
    retirements: found.retirements,
    owners: [{ username: 'chrismccord', email: 'chris@example.com', url: 'https://hex.pm/api/users/chrismccord' }],
    latest_version: found.latest_version,
    latest_stable_version: found.latest_stable_version,
    configs: { 'mix.exs': `{:phoenix, "~> ${found.latest_stable_version}"}`, 'rebar.config': `{phoenix, "${found.latest_stable_version}"}`, 'erlang.mk': `dep_phoenix = hex ${found.latest_stable_version}` },
    inserted_at: '2014-04-28T15:55:48.000000Z',
    updated_at: found.releases[0]?.inserted_at ?? '',
  };
  return json(body, hexPackageErrors(body));
}
