/**
 * Checks the fake crates.io bodies against crates.io's OpenAPI document: the 200 schemas of the two
 * paths stackradar reads, from ../shared/data/project-corpus/registries/crates-openapi.json (its
 * `x-source` names the upstream file and commit). Without the shared data nothing is checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { realDataPath } from '../real-data.js';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface OpenApi {
  paths: Record<string, { get: { responses: { '200': { content: { 'application/json': { schema: object } } } } } }>;
  components: object;
}

const DOC_PATH = realDataPath('project-corpus', 'registries', 'crates-openapi.json');
const doc = existsSync(DOC_PATH) ? (JSON.parse(readFileSync(DOC_PATH, 'utf8')) as OpenApi) : null;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, formats: { int32: true, int64: true } });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

export type CratesPath = '/api/v1/crates/{name}' | '/api/v1/crates/{name}/downloads';

export function cratesErrors(path: CratesPath, body: unknown): string[] {
  if (!doc) return [];
  let validate = compiled.get(path);
  if (!validate) {
    const schema = doc.paths[path]?.get.responses['200'].content['application/json'].schema;
    // `#/components/...` references resolve against the compiled root, so the components ride along.
    validate = ajv.compile({ ...schema, components: doc.components });
    compiled.set(path, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}
