/**
 * PyPI's JSON API (shape: https://docs.pypi.org/api/json/, "Get a project") and pypistats.org's API
 * (shape: https://pypistats.org/api/, "Recent downloads" and "Overall downloads"). pypistats keys packages
 * by their lowercase normalised name and keeps 180 days.
 */
import { json, missing, type Answer } from './answer.js';
import { addDays, DAILY, days, PYPI, sum, type PypiFixture } from './fixtures.js';

const normalised = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function file(name: string, version: string, uploaded: string, index: number, yanked: boolean) {
  const wheel = index === 0;
  return {
    filename: wheel ? `${name.toLowerCase()}-${version}-py3-none-any.whl` : `${name.toLowerCase()}-${version}.tar.gz`,
    packagetype: wheel ? 'bdist_wheel' : 'sdist',
    python_version: wheel ? 'py3' : 'source',
    requires_python: '>=3.10',
    size: 8_301_000 + index,
    upload_time: uploaded.slice(0, 19),
    upload_time_iso_8601: uploaded,
    url: `https://files.pythonhosted.org/packages/${name}/${version}/${index}`,
    yanked,
    yanked_reason: yanked ? 'broken release' : null,
    digests: { sha256: '0'.repeat(64), md5: '0'.repeat(32) },
  };
}

/** The Simple API's JSON project page (PEP 691, with PEP 792's status), served only when asked for by its media type. */
function simple(name: string, found: PypiFixture, accept: string): Answer {
  if (!accept.includes('application/vnd.pypi.simple.v1+json')) return { status: 406, text: 'Not Acceptable' };
  const files = Object.entries(found.releases).flatMap(([v, r]) => r.uploaded.map((u, i) => ({ filename: file(name, v, u, i, false).filename, url: `https://files.pythonhosted.org/${name}/${v}/${i}`, hashes: { sha256: '0'.repeat(64) }, 'upload-time': u, yanked: r.yanked ? 'broken release' : false })));
  return json({ meta: { 'api-version': '1.4', '_last-serial': 31_000_000 }, name: normalised(name), versions: Object.keys(found.releases), files, ...(found.status ? { 'project-status': found.status } : {}) });
}

export function pypi(path: string, accept = ''): Answer {
  const m = /^\/(?:pypi\/([^/]+)\/json|simple\/([^/]+)\/)$/.exec(path);
  const asked = m?.[1] ?? m?.[2];
  const name = Object.keys(PYPI).find((n) => asked !== undefined && normalised(n) === normalised(decodeURIComponent(asked)));
  const found = name ? PYPI[name] : undefined;
  if (!name || !found) return missing({ message: 'Not Found' });
  if (m?.[2]) return simple(name, found, accept);
  const releases = Object.fromEntries(Object.entries(found.releases).map(([v, r]) => [v, r.uploaded.map((u, i) => file(name, v, u, i, r.yanked ?? false))]));
  return json({
    info: { name, version: found.version, summary: `${name} fixture`, requires_python: '>=3.10', classifiers: found.classifiers ?? ['Development Status :: 5 - Production/Stable'], yanked: false, yanked_reason: null },
    last_serial: 31_000_000,
    releases,
    urls: releases[found.version] ?? [],
    vulnerabilities: [],
  });
}

export function pypistats(path: string, query: URLSearchParams, today: string): Answer {
  const m = /^\/api\/packages\/([^/]+)\/(recent|overall)$/.exec(path);
  const name = m?.[1] ?? '';
  const series = DAILY[`pypistats:${name}`];
  if (!m || !series) return missing({ message: 'Not Found' });
  const yesterday = addDays(today, -1);
  if (m[2] === 'recent') {
    const last = (n: number) => sum(days(series, addDays(today, -n), yesterday));
    return json({ data: { last_day: last(1), last_month: last(30), last_week: last(7) }, package: name, type: 'recent_downloads' });
  }
  const kept = days(series, addDays(today, -180), yesterday);
  const without = kept.map((d) => ({ category: 'without_mirrors', date: d.day, downloads: d.downloads }));
  const withMirrors = kept.map((d) => ({ category: 'with_mirrors', date: d.day, downloads: Math.round(d.downloads * 1.08) }));
  const data = query.get('mirrors') === 'false' ? without : query.get('mirrors') === 'true' ? withMirrors : [...withMirrors, ...without];
  return json({ data, package: name, type: 'overall_downloads' });
}
