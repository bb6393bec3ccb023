/**
 * What the package-registry clients return: a package's latest stable version and its download figures
 * exactly as its registry publishes them (null where it publishes none), its daily download history
 * where the registry has one, or why there are no figures.
 */
import type { Registry } from '../../catalog/catalog.js';

export interface PackageRequest {
  registry: Registry;
  /** As the catalog names it: `express`, `@nestjs/core`, `Django`, `laravel/framework`, `org.springframework.boot:spring-boot`. */
  name: string;
  /** Daily downloads are wanted from this day on (YYYY-MM-DD, inclusive); null: as far back as the registry goes. */
  dailySince: string | null;
  /** False: this run leaves the package's downloads for a later one (pypistats' per-run budget); its version is still asked. */
  downloads?: boolean;
}

export interface DailyDownloads {
  /** YYYY-MM-DD, UTC. */
  day: string;
  downloads: number;
}

export interface PackageFigures {
  /** The registry's latest stable version (its own notion where it has one, else the highest stable it lists). */
  version: string | null;
  /** When that version was published, ISO. */
  versionAt: string | null;
  downloadsLastDay: number | null;
  downloadsLastWeek: number | null;
  downloadsLastMonth: number | null;
  downloadsTotal: number | null;
  /** The registry's own daily figures from `dailySince` to the last complete day; empty where it publishes none. */
  daily: DailyDownloads[];
  /** Whether the registry marks the package deprecated (abandoned, retired, all yanked…); null where it has no such mark. */
  deprecated: boolean | null;
  /** The package the registry names instead of a deprecated one, where it names one. */
  replacement: string | null;
}

export type PackageError = 'not-found' | 'unavailable' | 'rate-limited' | 'invalid-response';

export type PackageResult = PackageFigures | { error: PackageError; detail: string };

export interface RegistryStats {
  /** Requests sent per registry (`npm`, `npm-downloads`, `pypi`, `pypistats`, …), 304s included. */
  requests: Record<string, number>;
  notModified: number;
  /** Packages whose downloads a per-run budget left for a later run. */
  deferred: number;
}
