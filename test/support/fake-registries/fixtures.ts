/**
 * The fake registries' packages, modelled on real habits: prereleases newer than the latest stable
 * (express 5.3.0-beta.1, Django 6.0rc1, Rails 8.2.0.beta1, Phoenix 1.9.0-rc.0, Spring Boot 4.0.0-RC2,
 * axum 0.9.0-alpha.1), an older line patched after the newest (Express 4, Rails 7.2, Laravel 11, Spring
 * Boot 3.4), yanked or retired versions (Flask 3.1.1, axum 0.8.6, Phoenix 1.8.0), a scoped npm package,
 * registries with no downloads (Maven Central, the Go proxy), a Go module with no stable tag, and `sails`,
 * absent from npm. Daily downloads live in test/fixtures/registries/daily.json.
 */
import { readFileSync } from 'node:fs';

export interface Series {
  start: string;
  values: number[];
}

export const DAILY = JSON.parse(readFileSync(new URL('../../fixtures/registries/daily.json', import.meta.url), 'utf8')) as Record<string, Series>;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The series' days in [from, to], inclusive. */
export function days(series: Series, from: string, to: string): { day: string; downloads: number }[] {
  return series.values.map((downloads, i) => ({ day: addDays(series.start, i), downloads })).filter((d) => d.day >= from && d.day <= to);
}

export const sum = (list: { downloads: number }[]): number => list.reduce((t, d) => t + d.downloads, 0);

export interface NpmFixture {
  tags: Record<string, string>;
  time: Record<string, string>;
  /** version → the message `npm deprecate` set on it. */
  deprecated?: Record<string, string>;
}

export const NPM: Record<string, NpmFixture> = {
  express: {
    tags: { latest: '5.2.1', next: '5.3.0-beta.1' },
    time: {
      '4.21.2': '2024-12-05T19:45:45.212Z',
      '5.0.0': '2024-09-10T03:15:07.817Z',
      '5.1.0': '2025-03-31T14:00:27.551Z',
      '5.2.1': '2025-12-01T21:05:12.904Z',
      '4.22.1': '2025-12-01T21:09:55.006Z',
      '5.3.0-beta.1': '2026-11-20T10:00:03.118Z',
    },
  },
  '@nestjs/core': {
    tags: { latest: '11.1.9', next: '12.0.0-alpha.2' },
    time: { '11.1.8': '2025-10-29T12:11:40.000Z', '11.1.9': '2025-11-14T09:30:22.120Z', '12.0.0-alpha.2': '2026-11-28T08:00:00.000Z' },
  },
  fastify: { tags: { latest: '5.6.2' }, time: { '5.6.2': '2025-11-09T12:04:51.000Z' } },
  koa: { tags: { latest: '3.1.1' }, time: { '3.1.1': '2025-10-20T07:40:13.000Z' } },
  hono: { tags: { latest: '4.10.7' }, time: { '4.10.6': '2025-11-18T02:00:00.000Z', '4.10.7': '2025-11-25T01:14:59.000Z' } },
};

/** `bulk-N`: synthetic unscoped packages for bulk tests, N downloads + 100 a day. */
export const BULK_NAME = /^bulk-(\d+)$/;

export interface PypiFixture {
  version: string;
  /** version → its files' upload times and whether they are yanked. */
  releases: Record<string, { uploaded: string[]; yanked?: boolean }>;
  /** The latest release's classifiers, and the project's status marker (PEP 792) when one is set. */
  classifiers?: string[];
  status?: { status: string; reason: string | null };
}

export const PYPI: Record<string, PypiFixture> = {
  Django: {
    version: '5.2.8',
    releases: {
      '5.2.7': { uploaded: ['2025-10-01T13:41:52.317044Z', '2025-10-01T13:41:55.908831Z'] },
      '5.2.8': { uploaded: ['2025-11-05T14:02:36.123456Z', '2025-11-05T14:02:39.654321Z'] },
      '6.0rc1': { uploaded: ['2025-11-19T15:18:04.000001Z'] },
    },
  },
  Flask: {
    version: '3.1.2',
    releases: {
      '3.1.1': { uploaded: ['2025-05-13T15:01:17.447277Z'], yanked: true },
      '3.1.2': { uploaded: ['2025-08-19T21:03:19.104381Z'] },
    },
  },
};

export interface GemVersion {
  number: string;
  created_at: string;
  prerelease: boolean;
  platform?: string;
}

export const GEMS: Record<string, { downloads: number; version: string; versions: GemVersion[] }> = {
  rails: {
    downloads: 612_345_678,
    version: '8.1.1',
    versions: [
      { number: '8.2.0.beta1', created_at: '2026-11-18T16:20:01.000Z', prerelease: true },
      { number: '7.2.3', created_at: '2025-10-29T09:12:44.100Z', prerelease: false },
      { number: '8.1.1', created_at: '2025-10-28T17:05:41.392Z', prerelease: false },
      { number: '8.1.0', created_at: '2025-10-22T19:44:02.000Z', prerelease: false },
    ],
  },
  sinatra: {
    downloads: 291_004_220,
    version: '4.2.1',
    versions: [{ number: '4.2.1', created_at: '2025-10-10T08:00:00.000Z', prerelease: false }],
  },
};

export const PACKAGIST: Record<string, { totalBefore: number; versions: Record<string, string>; abandoned?: boolean | string }> = {
  'laravel/framework': {
    /** Downloads before the daily series starts; the total is this plus every day served. */
    totalBefore: 480_000_000,
    versions: {
      'dev-master': '2026-11-30T18:00:00+00:00',
      '12.x-dev': '2026-11-30T17:00:00+00:00',
      'v13.0.0-beta.1': '2026-11-24T15:00:00+00:00',
      'v11.46.2': '2025-11-28T14:21:09+00:00',
      'v12.40.2': '2025-11-26T15:44:07+00:00',
      'v12.40.1': '2025-11-20T16:02:11+00:00',
    },
  },
};

export interface HexFixture {
  latest_version: string;
  latest_stable_version: string;
  releases: { version: string; inserted_at: string }[];
  retirements: Record<string, { reason: string; message: string }>;
  downloads: { all: number; recent: number; week: number; day: number };
}

export const HEX: { phoenix: HexFixture } & Record<string, HexFixture> = {
  phoenix: {
    latest_version: '1.9.0-rc.0',
    latest_stable_version: '1.8.1',
    releases: [
      { version: '1.9.0-rc.0', inserted_at: '2026-11-25T12:00:00.000000Z' },
      { version: '1.8.1', inserted_at: '2025-08-28T18:42:05.104347Z' },
      { version: '1.8.0', inserted_at: '2025-08-05T14:01:00.000000Z' },
      { version: '1.7.21', inserted_at: '2025-03-27T10:00:00.000000Z' },
    ],
    retirements: { '1.8.0': { reason: 'security', message: 'fixed in 1.8.1' } },
    downloads: { all: 152_340_000, recent: 4_512_000, week: 381_000, day: 61_000 },
  },
};

export const MAVEN: Record<string, { v: string; timestamp: number }[]> = {
  'org.springframework.boot:spring-boot': [
    { v: '4.0.0-RC2', timestamp: Date.parse('2026-11-21T09:00:00Z') },
    { v: '3.4.12', timestamp: Date.parse('2025-11-20T12:30:00Z') },
    { v: '3.5.8', timestamp: Date.parse('2025-11-20T10:00:00Z') },
    { v: '4.0.0-M3', timestamp: Date.parse('2025-09-18T08:00:00Z') },
    { v: '3.5.7', timestamp: Date.parse('2025-10-23T08:00:00Z') },
  ],
};

export const CRATES: Record<string, { downloads: number; max_version: string; max_stable_version: string; versions: { id: number; num: string; created_at: string; yanked: boolean }[] }> = {
  axum: {
    downloads: 231_000_000,
    max_version: '0.9.0-alpha.1',
    max_stable_version: '0.8.7',
    versions: [
      { id: 1_700_004, num: '0.9.0-alpha.1', created_at: '2026-11-27T10:00:00.000000Z', yanked: false },
      { id: 1_700_003, num: '0.8.7', created_at: '2025-11-14T08:31:00.123456Z', yanked: false },
      { id: 1_700_002, num: '0.8.6', created_at: '2025-09-30T10:00:00.000000Z', yanked: true },
      { id: 1_700_001, num: '0.8.5', created_at: '2025-09-29T09:00:00.000000Z', yanked: false },
    ],
  },
};

export interface NugetDeprecation {
  reasons: string[];
  message?: string;
  alternatePackage?: { id: string; range: string };
}

export const NUGET: Record<string, { totalDownloads: number; versions: { version: string; published: string; deprecation?: NugetDeprecation }[] }> = {
  ServiceStack: {
    totalDownloads: 45_678_901,
    versions: [
      { version: '8.9.0', published: '2025-09-03T04:00:00+00:00' },
      { version: '8.10.0', published: '2025-11-12T05:18:40.09+00:00' },
      { version: '9.0.0-preview.1', published: '2026-11-26T02:00:00+00:00' },
    ],
  },
};

/** A module's go.mod comment above its `module` line (the same for every version), where it has one. */
export const GO_MOD_COMMENT: Record<string, string> = {};

export const GO: Record<string, { Version: string; Time: string }[]> = {
  'github.com/gin-gonic/gin': [
    { Version: 'v1.10.1', Time: '2025-05-20T07:09:59Z' },
    { Version: 'v1.11.0', Time: '2025-09-20T01:32:01Z' },
    { Version: 'v1.12.0-rc.1', Time: '2026-11-10T00:00:00Z' },
    { Version: 'v1.9.1', Time: '2023-06-11T00:00:00Z' },
  ],
  'github.com/BurntSushi/toml': [{ Version: 'v1.5.0', Time: '2025-03-12T09:41:00Z' }],
  'github.com/gofiber/fiber/v3': [
    { Version: 'v3.0.0-beta.5', Time: '2025-06-01T00:00:00Z' },
    { Version: 'v3.0.0-rc.2', Time: '2025-10-01T00:00:00Z' },
  ],
};
