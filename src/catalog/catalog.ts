/**
 * The catalog: what the article does not say about a framework (repository, docs, package).
 * The bundled file is merged with an optional user file (STACKRADAR_CATALOG / --catalog) by slug.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { slugify } from './slug.js';
import bundled from './catalog.json' with { type: 'json' };

export const REGISTRIES = ['packagist', 'pypi', 'rubygems', 'hex', 'npm', 'maven', 'nuget', 'go', 'crates'] as const;
export type Registry = (typeof REGISTRIES)[number];

export interface CatalogPackage {
  registry: Registry;
  name: string;
}

export interface CatalogFramework {
  name: string;
  slug: string;
  aliases: string[];
  language: string;
  /** `owner/name` on GitHub. */
  repo: string;
  /** Official documentation, https. */
  docs: string;
  package?: CatalogPackage;
}

export interface Catalog {
  /** The framework whose name or alias has the same slug; names win over aliases. */
  resolve(nameOrAlias: string): CatalogFramework | undefined;
  /** Every framework, bundled order first, then the user's new ones. */
  all(): CatalogFramework[];
}

const text = z.string().trim().min(1, 'must be a non-empty string');
const packageSchema = z.object({
  registry: z.enum(REGISTRIES, { error: `must be one of ${REGISTRIES.join(', ')}` }),
  name: text,
});
const repo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/, 'must be "owner/name"');
const docs = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const fullEntry = z.strictObject({
  name: text,
  aliases: z.array(text).default([]),
  language: text,
  repo,
  docs,
  package: packageSchema.optional(),
});
/** A user entry may override only some fields of a bundled one; `package: null` removes it. */
const userEntry = z.strictObject({
  name: text,
  aliases: z.array(text).optional(),
  language: text.optional(),
  repo: repo.optional(),
  docs: docs.optional(),
  package: packageSchema.nullable().optional(),
});

type UserEntry = z.infer<typeof userEntry>;

function fail(label: string, problem: string): never {
  // A bad user catalog is a configuration error: exit 2, like a bad variable.
  throw new UsageError(`catalog ${label}: ${problem}`.replace(/\s*\n\s*/g, ' '));
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return `${path || 'file'}: ${issue.message}${more}`;
}

function parse<T extends z.ZodType>(entry: T, data: unknown, label: string): z.output<T>[] {
  const file = z.strictObject(
    { frameworks: z.array(entry, { error: 'must be an array of frameworks' }) },
    { error: (issue) => (issue.code === 'invalid_type' ? 'must be an object { "frameworks": [ … ] }' : undefined) },
  );
  const result = file.safeParse(data);
  if (!result.success) fail(label, describeIssue(result.error));
  return result.data.frameworks;
}

/** Rejects two entries of one file that name one framework: which one wins would be arbitrary. */
function checkUnique(names: string[], slugs: string[], label: string): void {
  const seen = new Map<string, number>();
  slugs.forEach((slug, i) => {
    if (!slug) fail(label, `frameworks[${i}].name: "${names[i]}" has no letters or digits`);
    const first = seen.get(slug);
    if (first !== undefined) {
      fail(label, `frameworks[${i}].name: "${names[i]}" is the same framework ("${slug}") as frameworks[${first}]`);
    }
    seen.set(slug, i);
  });
}

function readUserFile(file: string): UserEntry[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(file, code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    fail(file, `not valid JSON (${(err as Error).message})`);
  }
  return parse(userEntry, data, file);
}

/** `base` is the bundled framework the entry names (by name or alias); its slug stays the identity. */
function merge(base: CatalogFramework | undefined, u: UserEntry, index: number, file: string): CatalogFramework {
  const language = u.language ?? base?.language;
  const repo = u.repo ?? base?.repo;
  const docs = u.docs ?? base?.docs;
  if (!language || !repo || !docs) {
    const missing = Object.entries({ language, repo, docs }).filter(([, v]) => !v).map(([k]) => k);
    const entry = `frameworks[${index}] ("${u.name}")`;
    fail(file, `${entry}: a framework not in the bundled catalog needs ${missing.join(', ')}`);
  }
  const slug = base?.slug ?? slugify(u.name);
  const merged: CatalogFramework = {
    // Named by an alias ("Rails"), the entry keeps the bundled display name.
    name: slugify(u.name) === slug ? u.name : (base?.name ?? u.name),
    slug,
    aliases: u.aliases ?? base?.aliases ?? [],
    language,
    repo,
    docs,
  };
  const pkg = u.package === undefined ? base?.package : u.package;
  if (pkg) merged.package = pkg;
  return merged;
}

const copy = (f: CatalogFramework): CatalogFramework => ({ ...f, aliases: [...f.aliases] });

function build(frameworks: CatalogFramework[], preferred: Set<string>): Catalog {
  const index = new Map<string, CatalogFramework>();
  for (const f of frameworks) index.set(f.slug, f);
  // Aliases never shadow a name; the user's aliases are indexed before the bundled ones.
  const ordered = [
    ...frameworks.filter((f) => preferred.has(f.slug)),
    ...frameworks.filter((f) => !preferred.has(f.slug)),
  ];
  for (const f of ordered) {
    for (const alias of f.aliases) {
      const key = slugify(alias);
      if (key && !index.has(key)) index.set(key, f);
    }
  }
  return {
    resolve: (nameOrAlias) => {
      const found = index.get(slugify(nameOrAlias));
      return found && copy(found);
    },
    all: () => frameworks.map(copy),
  };
}

/**
 * The bundled catalog, with `userFile` (a path) merged over it. A user entry whose name is a bundled
 * framework's name or alias overrides the fields it gives; any other entry is added.
 * Throws a one-line Error naming the file and the problem.
 */
export function loadCatalog(userFile?: string): Catalog {
  const label = 'bundled src/enrich/catalog.json';
  const entries = parse(fullEntry, bundled, label);
  const frameworks: CatalogFramework[] = entries.map((e) => ({ ...e, slug: slugify(e.name) }));
  checkUnique(frameworks.map((f) => f.name), frameworks.map((f) => f.slug), label);
  if (!userFile) return build(frameworks, new Set());

  const original = build(frameworks, new Set());
  const user = readUserFile(userFile);
  const targets = user.map((u) => original.resolve(u.name)?.slug ?? slugify(u.name));
  checkUnique(user.map((u) => u.name), targets, userFile);

  const position = new Map(frameworks.map((f, i) => [f.slug, i]));
  user.forEach((u, i) => {
    const at = position.get(targets[i]!);
    const merged = merge(at === undefined ? undefined : frameworks[at], u, i, userFile);
    if (at === undefined) frameworks.push(merged);
    else frameworks[at] = merged;
  });
  return build(frameworks, new Set(targets));
}
