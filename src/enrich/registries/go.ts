/**
 * The Go module proxy: `/MODULE/@v/list` lists the tagged versions, of which the highest stable one is
 * the module's version, dated by its `/@v/VERSION.info`. A module with no stable tag has no version:
 * `/@latest` would name a prerelease or a pseudo-version. Paths are case-encoded (`!` before a lowercased capital). The proxy publishes no downloads.
 * That version's `go.mod` says whether the module is deprecated: a comment paragraph starting
 * `Deprecated:` just above (or beside) its `module` directive, as the go command reads it.
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { figures, highestStable, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const info = z.object({ Version: z.string(), Time: z.string().nullish() });

/** Whether a go.mod marks its module deprecated: a `// Deprecated:` paragraph in the comment block before `module`, or on its line. */
export function readDeprecated(goMod: string): boolean {
  const lines = goMod.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l) => /^module\s/.test(l));
  if (at < 0) return false;
  if (/\/\/\s*Deprecated:/.test(lines[at] ?? '')) return true;
  const comments: string[] = [];
  for (let i = at - 1; i >= 0 && lines[i]?.startsWith('//'); i--) comments.unshift((lines[i] ?? '').replace(/^\/\/\s?/, ''));
  return comments.some((line, i) => line.startsWith('Deprecated:') && (i === 0 || comments[i - 1] === ''));
}

function escaped(text: string): string {
  return text.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

export async function fetchGo(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const module = `/${escaped(request.name)}`;
  const list = await f.text('go', `${module}/@v/list`, { conditional: true });
  const stable = highestStable(list.split('\n').map((v) => ({ version: v.trim(), at: null })).filter((v) => v.version !== ''));
  if (!stable) return figures({});
  const version = `${module}/@v/${escaped(stable.version)}`;
  const [latest, goMod] = await settleAll([f.json('go', `${version}.info`, info, { conditional: true }), f.text('go', `${version}.mod`, { conditional: true })]);
  return figures({ version: latest.Version, versionAt: isoTime(latest.Time), deprecated: readDeprecated(goMod) });
}
