/**
 * Validates REST bodies against GitHub's OpenAPI component schemas, restricted to the fields the client reads
 * (the full schemas require dozens of URL fields nobody reads). Only the generated JSON file is read, once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The fields stackradar reads, per component schema. */
const READ_FIELDS = {
  'full-repository': ['full_name', 'stargazers_count', 'forks_count', 'subscribers_count', 'open_issues_count', 'license', 'archived', 'pushed_at', 'homepage'],
  release: ['tag_name', 'name', 'draft', 'prerelease', 'published_at', 'created_at'],
  tag: ['name', 'commit'],
  'git-ref': ['ref', 'object'],
  'git-tag': ['tag', 'tagger', 'object'],
  commit: ['sha', 'commit'],
  'repo-search-result-item': ['full_name', 'name', 'stargazers_count'],
  'issue-search-result-item': ['number', 'state'],
} as const;

export type SchemaName = keyof typeof READ_FIELDS;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function load(): Ajv {
  if (ajv) return ajv;
  const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(path, 'utf8')) as { components: unknown };
  ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'gh', components: spec.components });
  return ajv;
}

function subset(name: SchemaName) {
  const fields: readonly string[] = READ_FIELDS[name];
  return {
    type: 'object',
    required: fields,
    properties: Object.fromEntries(fields.map((f) => [f, { $ref: `gh#/components/schemas/${name}/properties/${f}` }])),
  };
}

/** Errors of `body` against `schema` (an item schema; `list` for JSON arrays, `search` for search envelopes). */
export function validateBody(name: SchemaName, body: unknown, shape: 'item' | 'list' | 'search' = 'item'): string[] {
  const key = `${shape}:${name}`;
  let validate = compiled.get(key);
  if (!validate) {
    const item = subset(name);
    const schema =
      shape === 'item' ? item
      : shape === 'list' ? { type: 'array', items: item }
      : { type: 'object', required: ['total_count', 'incomplete_results', 'items'], properties: { total_count: { type: 'integer' }, incomplete_results: { type: 'boolean' }, items: { type: 'array', items: item } } };
    validate = load().compile(schema);
    compiled.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}
