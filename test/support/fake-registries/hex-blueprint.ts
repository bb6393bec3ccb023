/**
 * Checks the fake Hex package bodies against the `Package` attributes of hex.pm's API Blueprint
 * (../shared/specs/hex-api.apib, from hexpm/specifications at commit b172bf5, file apiary.apib): each
 * attribute's type, and presence where it is `required`. Without the shared folder nothing is checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sharedSpecPath } from '../real-data.js';

interface Attribute {
  name: string | null;
  type: string;
  required: boolean;
  children: Attribute[];
}

const LINE = /^(\s*)\+ (?:`([^`]+)` )?\(([^,)]+)(?:, (required|optional))?\)/;

const BLUEPRINT = sharedSpecPath('hex-api.apib');

function packageAttributes(): Attribute[] {
  if (!existsSync(BLUEPRINT)) return [];
  const text = readFileSync(BLUEPRINT, 'utf8');
  const section = text.slice(text.indexOf('## Package [/packages/{name}]'));
  const attributes = section.slice(section.indexOf('+ Attributes'), section.indexOf('\n### '));
  const root: Attribute = { name: null, type: 'object', required: true, children: [] };
  const stack: { indent: number; node: Attribute }[] = [{ indent: 0, node: root }];
  for (const line of attributes.split('\n').slice(1)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const indent = m[1]?.length ?? 0;
    const node: Attribute = { name: m[2] ?? null, type: (m[3] ?? '').trim(), required: m[4] === 'required', children: [] };
    while ((stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    stack.at(-1)?.node.children.push(node);
    stack.push({ indent, node });
  }
  return root.children;
}

function typeOk(type: string, value: unknown): boolean {
  if (type.startsWith('array')) return Array.isArray(value) && (type !== 'array[string]' || value.every((v) => typeof v === 'string'));
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

function check(attributes: Attribute[], value: Record<string, unknown>, at: string, errors: string[]): void {
  for (const a of attributes) {
    if (a.name === null) continue;
    const v = value[a.name];
    if (v === undefined || v === null) {
      if (a.required) errors.push(`${at}${a.name}: required`);
      continue;
    }
    if (!typeOk(a.type, v)) errors.push(`${at}${a.name}: not ${a.type}`);
    else if (a.type === 'object') check(a.children, v as Record<string, unknown>, `${at}${a.name}.`, errors);
    else if (Array.isArray(v) && a.children[0]?.type === 'object') v.forEach((item, i) => check(a.children[0]?.children ?? [], item as Record<string, unknown>, `${at}${a.name}.${i}.`, errors));
  }
}

let attributes: Attribute[] | undefined;

export function hexPackageErrors(body: Record<string, unknown>): string[] {
  attributes ??= packageAttributes();
  const errors: string[] = [];
  check(attributes, body, '', errors);
  return errors;
}
