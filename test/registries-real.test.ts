/**
 * Every recorded response of a real package in ../shared/data/real-registries/ (ORIGINS.json names
 * each file's origin) through its client's pure reading function: the version each registry states (or,
 * where the response predates that field, the highest stable one it lists) and the figures it carries.
 * Expected values were read from the files by hand; each case says where in its file the value is.
 * A field a response lacks leaves its figure null and never costs the others.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CRATE, readCrate } from '../src/enrich/registries/crates.js';
import { HEX_PACKAGE, readHex } from '../src/enrich/registries/hex.js';
import { PACKUMENT, readPackument } from '../src/enrich/registries/npm.js';
import { NUGET_REGISTRATION, NUGET_SEARCH, NUGET_SERVICE_INDEX, readSearch, versionIn, readServiceIndex } from '../src/enrich/registries/nuget.js';
import { PACKAGIST_PACKAGE, readPackage } from '../src/enrich/registries/packagist.js';
import { PYPI_PROJECT, readProject, recentOf } from '../src/enrich/registries/pypi.js';
import { GEM, GEM_VERSIONS, readGem } from '../src/enrich/registries/rubygems.js';
import { realDataPath, realDataPresent } from './support/real-data.js';

/** One recorded response, validated by the client's schema as the fetcher does. */
function recorded<T>(schema: z.ZodType<T>, file: string): T {
  return schema.parse(JSON.parse(readFileSync(realDataPath('real-registries', file), 'utf8')));
}

describe.skipIf(!realDataPresent)('real registry responses', () => {
  it('npm: dist-tags.latest, dated by its time entry', () => {
    const cases: [string, string, string][] = [
      // "dist-tags": { "latest": "1.16.0" }; time["1.16.0"]
      ['npm/coffeelint.json', '1.16.0', '2016-10-02T23:56:22.173Z'],
      // "dist-tags": { "latest": "1.0.4", "next": "1.1.0", … }; time["1.0.4"]
      ['npm/opentelemetry-api.json', '1.0.4', '2021-12-22T16:03:20.539Z'],
      // "dist-tags": { "latest": "1.4.1", "future": "2.0.3" }; time["1.4.1"]
      ['npm/q.json', '1.4.1', '2015-05-17T04:25:07.299Z'],
      // "dist-tags": { …, "latest": "2.2.4", "next": "2.3.0" }; time["2.2.4"]
      ['npm/react-apollo.json', '2.2.4', '2018-10-02T10:50:23.504Z'],
      // "dist-tags": { "latest": "0.0.35", "ts2.0": … }; time["0.0.35"]
      ['npm/types-helmet.json', '0.0.35', '2017-04-27T16:59:06.479Z'],
      // "dist-tags": { "latest": "1.0.0-beta.11" }: npm's own notion, a beta here; time["1.0.0-beta.11"]
      ['npm/vue-test-utils.json', '1.0.0-beta.11', '2018-01-11T06:27:51.340Z'],
      // "dist-tags": { "latest": "3.8.1", "beta": "3.0.0-rc.2", … }; time["3.8.1"]
      ['npm/webpack.json', '3.8.1', '2017-10-17T15:22:36.646Z'],
    ];
    for (const [file, version, at] of cases) expect(readPackument(recorded(PACKUMENT, file)), file).toMatchObject({ version, versionAt: at });
  });

  it('PyPI: info.version, dated by its first file (upload_time where upload_time_iso_8601 is missing)', () => {
    const cases: [string, string, string][] = [
      // info.version; urls[0].upload_time_iso_8601 "2019-06-18T13:58:55.337076Z"
      ['pypi/azure-cli-monitor.json', '0.2.15', '2019-06-18T13:58:55.337Z'],
      // info.version; urls[0].upload_time_iso_8601 "2019-12-16T03:47:33.557633Z"
      ['pypi/celery.json', '4.4.0', '2019-12-16T03:47:33.557Z'],
      // info.version; urls[0].upload_time_iso_8601 "2025-08-19T21:03:19.499263Z"
      ['pypi/flask.json', '3.1.2', '2025-08-19T21:03:19.499Z'],
      // info.version; urls[0].upload_time_iso_8601 "2024-12-06T00:58:03.138172Z"
      ['pypi/luigi.json', '3.6.0', '2024-12-06T00:58:03.138Z'],
      // info.version; urls[0].upload_time_iso_8601 "2025-09-19T10:49:24.805222Z"
      ['pypi/mkdocstrings.json', '0.30.1', '2025-09-19T10:49:24.805Z'],
      // info.version; its urls have no upload_time_iso_8601, the earliest upload_time is "2018-07-30T21:18:21"
      ['pypi/pendulum.json', '2.0.3', '2018-07-30T21:18:21.000Z'],
      // info.version; urls[0].upload_time_iso_8601 "2021-05-05T14:18:17.237677Z"
      ['pypi/six.json', '1.16.0', '2021-05-05T14:18:17.237Z'],
    ];
    for (const [file, version, at] of cases) expect(readProject(recorded(PYPI_PROJECT, file)), file).toEqual({ version, versionAt: at });
  });

  it('pypistats: a real /recent has the shape recentOf gives, from 1, 7 and 30 days of /overall', () => {
    // "data": { "last_day": 6399553, "last_month": 157236987, "last_week": 39375127 }; the client no longer asks
    // for /recent (pypistats sums it from /overall's without_mirrors days: update_recent_stats in crflynn/pypistats.org).
    const count = z.number().int();
    const { data } = recorded(z.object({ data: z.object({ last_day: count, last_week: count, last_month: count }) }), 'pypi/flask.pypistats-recent.json');
    // Thirty days at flask's daily rate summed as recentOf sums them: the same windows, the same order of magnitude.
    const days = Array.from({ length: 30 }, (_, i) => ({ day: `2025-01-${String(i + 1).padStart(2, '0')}`, downloads: data.last_day }));
    const derived = recentOf(days);
    expect(derived).toEqual({ downloadsLastDay: data.last_day, downloadsLastWeek: 7 * data.last_day, downloadsLastMonth: 30 * data.last_day });
    expect(data.last_week / derived.downloadsLastWeek!).toBeGreaterThan(0.8);
    expect(data.last_month / derived.downloadsLastMonth!).toBeGreaterThan(0.8);
    expect(data.last_week).toBeLessThanOrEqual(data.last_month);
  });

  it('RubyGems: the gem document’s version and downloads, dated by the ruby platform’s entry in the versions list', () => {
    const cases: [string, string, number, string][] = [
      // gem: "version": "0.1.2", "downloads": 14005, no version_created_at; versions: number "0.1.2" created_at
      ['1pass', '0.1.2', 14_005, '2013-11-02T11:28:05.087Z'],
      // gem: "version": "1.13.6", "downloads": 509098464; versions: ten "1.13.6" platforms, "ruby" created_at
      ['nokogiri', '1.13.6', 509_098_464, '2022-05-08T14:34:51.113Z'],
      // gem: "version": "5.2.2", "downloads": 156058530, no version_created_at; versions: "5.2.2" created_at
      ['rails', '5.2.2', 156_058_530, '2018-12-04T18:15:02.233Z'],
      // gem: "version": "0.3.0", "downloads": 3129500; versions: "0.3.0" created_at
      ['rubystats', '0.3.0', 3_129_500, '2017-12-02T17:23:59.896Z'],
    ];
    for (const [gem, version, total, at] of cases) {
      const figures = readGem(recorded(GEM, `rubygems/${gem}.gem.json`), recorded(GEM_VERSIONS, `rubygems/${gem}.versions.json`));
      expect(figures, gem).toMatchObject({ version, versionAt: at, downloadsTotal: total, downloadsLastDay: null });
    }
  });

  it('Packagist: the highest stable of package.versions (dev-* skipped) and package.downloads', () => {
    // versions "dev-master", "1.0.8" (time 2018-03-14T17:40:06+00:00) … "1.0.0"; downloads total 94, monthly 5, daily 0
    expect(readPackage(recorded(PACKAGIST_PACKAGE, 'packagist/cristianvuolo--uploader.json'))).toMatchObject({
      version: '1.0.8', versionAt: '2018-03-14T17:40:06.000Z', downloadsLastDay: 0, downloadsLastMonth: 5, downloadsTotal: 94,
    });
    // versions "dev-main", "v1.0.3" (time 2022-03-28T02:07:29+00:00) … "v1.0.0"; downloads total 199, monthly 54, daily 6
    expect(readPackage(recorded(PACKAGIST_PACKAGE, 'packagist/maztech--instagram-php-graph-sdk.json'))).toMatchObject({
      version: 'v1.0.3', versionAt: '2022-03-28T02:07:29.000Z', downloadsLastDay: 6, downloadsLastMonth: 54, downloadsTotal: 199,
    });
  });

  it('Hex: latest_stable_version, else the highest stable release; downloads day/week/all, null where absent', () => {
    const cases: [string, string, string | null, [number, number, number] | null][] = [
      // no latest_stable_version: releases[0] "2.5.2" is the highest; inserted_at 2020-03-04T14:54:16.283323Z; downloads day 5846, week 438801, all 20861717
      ['hex/certifi.json', '2.5.2', '2020-03-04T14:54:16.283Z', [5_846, 438_801, 20_861_717]],
      // no latest_stable_version and no inserted_at: releases "1.4.0", "1.4.0-rc.3", … "0.1.0"; downloads day 16476, week 83261, all 6694198
      ['hex/phoenix.json', '1.4.0', null, [16_476, 83_261, 6_694_198]],
      // "latest_stable_version": "0.1.1", inserted_at 2022-07-08T03:08:58.458116Z; downloads day 1, week 28, all 85
      ['hex/phoenix_copy.json', '0.1.1', '2022-07-08T03:08:58.458Z', [1, 28, 85]],
      // "latest_stable_version": "0.2.1", inserted_at 2024-07-09T00:04:58.487236Z; "downloads": {} (a new package)
      ['hex/renovate_test_package.json', '0.2.1', '2024-07-09T00:04:58.487Z', null],
      // "latest_stable_version": "1.22.1", inserted_at 2024-03-16T16:21:24.461588Z; downloads day 11944, week 67617, all 5478869
      ['hex/tls_certificate_check.json', '1.22.1', '2024-03-16T16:21:24.461Z', [11_944, 67_617, 5_478_869]],
      // no latest_stable_version and no inserted_at: releases "1.4.2" … "0.9.0"; downloads day 97, week 542, all 14367
      ['hex/verk_web.json', '1.4.2', null, [97, 542, 14_367]],
    ];
    for (const [file, version, at, downloads] of cases) {
      const [day, week, all] = downloads ?? [null, null, null];
      expect(readHex(recorded(HEX_PACKAGE, file)), file).toEqual({
        version, versionAt: at, downloadsLastDay: day, downloadsLastWeek: week, downloadsLastMonth: null, downloadsTotal: all, daily: [], deprecated: false, replacement: null,
      });
    }
  });

  it('crates.io: max_stable_version, else the highest non-yanked stable version; crate.downloads', () => {
    const cases: [string, string, string, number][] = [
      // no max_stable_version ("max_version": "1.0.1"): versions "1.0.1" (not yanked, created_at 2017-11-12T16:03:15.079909+00:00) is the highest; downloads 6673052
      ['crates/bitflags.json', '1.0.1', '2017-11-12T16:03:15.079Z', 6_673_052],
      // "max_stable_version": "0.3.23", created_at 2025-04-04T07:32:41.023326Z; downloads 13558
      ['crates/es-entity.json', '0.3.23', '2025-04-04T07:32:41.023Z', 13_558],
      // "max_stable_version": "0.2.85", created_at 2021-02-02T05:46:43.092194+00:00; downloads 44652915
      ['crates/libc.json', '0.2.85', '2021-02-02T05:46:43.092Z', 44_652_915],
      // "max_stable_version": "0.2.2", created_at 2022-03-29T13:35:06.927472+00:00; downloads 797
      ['crates/parameters_lib.json', '0.2.2', '2022-03-29T13:35:06.927Z', 797],
      // no max_stable_version: "3.0.0-pre1" is a prerelease, "2.1.0" (created_at 2017-03-11T23:52:52.055229+00:00) the highest stable; downloads 147014
      ['crates/xdg.json', '2.1.0', '2017-03-11T23:52:52.055Z', 147_014],
    ];
    for (const [file, version, at, total] of cases) expect(readCrate(recorded(CRATE, file)), file).toMatchObject({ version, versionAt: at, downloadsTotal: total });
  });

  it('crates.io: a yanked version is never the version', () => {
    // bitflags lists "0.7.1", "0.3.4" and "0.2.0" as yanked: without the versions above them, none is chosen
    const doc = recorded(CRATE, 'crates/bitflags.json');
    const upTo071 = { ...doc, versions: doc.versions?.filter((v) => v.num === '0.7.1' || v.num === '0.7.0') };
    expect(readCrate(upTo071).version).toBe('0.7.0');
  });

  it('NuGet: the search hit for the package id gives its version and totalDownloads', () => {
    const cases: [string, string, string, number][] = [
      // data[0]: "id": "Microsoft.Extensions.DependencyModel", "version": "8.0.0", "totalDownloads": 1302632966
      ['microsoft.extensions.dependencymodel', 'Microsoft.Extensions.DependencyModel', '8.0.0', 1_302_632_966],
      // data[0]: "id": "Newtonsoft.Json", "version": "13.0.3", "totalDownloads": 6532245026
      ['newtonsoft.json', 'Newtonsoft.Json', '13.0.3', 6_532_245_026],
      // data[0] of 11 hits: "id": "Nuke.Common", "version": "7.0.6", "totalDownloads": 11822027
      ['nuke.common', 'Nuke.Common', '7.0.6', 11_822_027],
      // data[0]: "id": "OgcApi.Net.SqlServer", "version": "0.3.16", "totalDownloads": 1331
      ['ogcapi.net.sqlserver', 'OgcApi.Net.SqlServer', '0.3.16', 1331],
      // data[0] of 5 hits: "id": "System.Collections.Specialized", "version": "4.3.0", "totalDownloads": 929023959
      ['system.collections.specialized', 'System.Collections.Specialized', '4.3.0', 929_023_959],
    ];
    for (const [file, id, version, total] of cases) expect(readSearch(recorded(NUGET_SEARCH, `nuget/${file}.search.json`), id.toLowerCase()), file).toEqual({ version, downloadsTotal: total });
  });

  it('NuGet: the registration index dates a version; the service index names the services', () => {
    // items[0].items: catalogEntry "version": "13.0.3", "published": "2023-03-08T07:42:54.647+00:00"
    const newtonsoft = recorded(NUGET_REGISTRATION, 'nuget/newtonsoft.json.registration.json');
    expect(versionIn(newtonsoft.items[0]?.items ?? [], '13.0.3')).toEqual({ versionAt: '2023-03-08T07:42:54.647Z', deprecated: false, replacement: null });
    // items[0].items lists 0.3.0 and 0.3.1 (published 2022-03-25T10:25:47.79+00:00), not the 0.3.16 search names
    const ogc = recorded(NUGET_REGISTRATION, 'nuget/ogcapi.net.sqlserver.registration.json');
    expect(versionIn(ogc.items[0]?.items ?? [], '0.3.1')?.versionAt).toBe('2022-03-25T10:25:47.790Z');
    expect(versionIn(ogc.items[0]?.items ?? [], '0.3.16')).toBeUndefined();
    // resources: "RegistrationsBaseUrl/3.6.0" → registration5-gz-semver2/; the first "SearchQueryService" → azuresearch-usnc
    expect(readServiceIndex(recorded(NUGET_SERVICE_INDEX, 'nuget/service-index.json'))).toEqual({
      registrations: 'https://api.nuget.org/v3/registration5-gz-semver2/',
      search: 'https://azuresearch-usnc.nuget.org/query',
    });
  });

  it('deprecation: only the mark on the latest version (npm, Hex) or on the whole package (crates.io) counts', () => {
    // versions["1.0.0-beta.11"].deprecated: "VUE-TEST-UILS WARN: vue-test-utils has moved to a scoped package…"
    expect(readPackument(recorded(PACKUMENT, 'npm/vue-test-utils.json')).deprecated).toBe(true);
    // only versions["1.4.13"] ("Accidental") and ["1.15.1"] ("Do not use. Bad release") are deprecated, not the latest
    expect(readPackument(recorded(PACKUMENT, 'npm/react-apollo.json')).deprecated).toBe(false);
    expect(readPackument(recorded(PACKUMENT, 'npm/coffeelint.json')).deprecated).toBe(false);
    // retirements: 0.1.1 and 0.1.2; latest_stable_version 0.2.1 is not retired
    expect(readHex(recorded(HEX_PACKAGE, 'hex/renovate_test_package.json')).deprecated).toBe(false);
    // retirements: 0.13.3 only; no latest_stable_version, the highest stable release is 1.4.2
    expect(readHex(recorded(HEX_PACKAGE, 'hex/verk_web.json')).deprecated).toBe(false);
    // libc and bitflags have yanked versions, but not every one (no crate.yanked in these older responses)
    expect(readCrate(recorded(CRATE, 'crates/libc.json')).deprecated).toBe(false);
    expect(readCrate(recorded(CRATE, 'crates/bitflags.json')).deprecated).toBe(false);
    // no "abandoned" key: maintained
    expect(readPackage(recorded(PACKAGIST_PACKAGE, 'packagist/cristianvuolo--uploader.json'))).toMatchObject({ deprecated: false, replacement: null });
  });
});
