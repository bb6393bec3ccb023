/**
 * The finding about a framework's package: `deprecated-package`, when its registry marks it so (npm's
 * `deprecated` on the latest version, Packagist's `abandoned`, PyPI's status or Inactive classifier,
 * NuGet's `deprecation`, Hex's retirement of the latest release, crates.io all yanked, Go `Deprecated:`).
 * Pure: facts in, a finding or null.
 */
import type { FrameworkFacts } from './types.js';
import type { Found } from './found.js';

export function deprecatedPackage(f: FrameworkFacts): Found | null {
  if (!f.packageDeprecated) return null;
  const what = `${f.packageRegistry ?? 'its registry'} marks ${f.packageName ?? f.slug} deprecated`;
  const todo = f.packageReplacement ? `, naming ${f.packageReplacement} instead: point the entry to it, or replace the entry` : ': say so in the entry, or replace it';
  return {
    finding: 'deprecated-package',
    severity: 'high',
    detail: `${what}${todo}`,
    evidence: { registry: f.packageRegistry, package: f.packageName, replacement: f.packageReplacement, captured_at: f.capturedAt },
  };
}
