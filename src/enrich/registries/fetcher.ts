/**
 * What a registry module asks for: a validated JSON document or a text body from one endpoint. Bodies
 * are checked with zod (a body that does not parse or lacks a field we read is `invalid-response`);
 * conditional documents keep their validator and the validated body in the ValidatorCache so a 304
 * reuses it; one fetcher never sends the same URL twice.
 */
import type { z } from 'zod';
import type { ValidatorCache } from '../../store/http-validators.js';
import { RegistryFault, type HttpClient } from './http.js';
import type { RegistryEndpoint } from './endpoints.js';

export interface GetOptions {
  /** Send the stored validator and store the new one: for documents that change less often than daily. */
  conditional?: boolean;
  /** The media type to ask for, where an API answers JSON only when asked by name. */
  accept?: string;
}

export interface Fetcher {
  /** `path` is appended to the endpoint's base URL, unless it is an absolute URL (one a document links to). */
  json<T>(endpoint: RegistryEndpoint, path: string, schema: z.ZodType<T>, options?: GetOptions): Promise<T>;
  text(endpoint: RegistryEndpoint, path: string, options?: GetOptions): Promise<string>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RegistryFault('invalid-response', 'the body is not JSON');
  }
}

function validate<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const where = issue?.path.join('.') ?? '';
  throw new RegistryFault('invalid-response', `unexpected body${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}`);
}

const asText = (body: unknown): string => {
  if (typeof body !== 'string') throw new RegistryFault('invalid-response', 'the stored body is not text');
  return body;
};

export function createFetcher(http: HttpClient, urls: Record<RegistryEndpoint, string>, cache: ValidatorCache): Fetcher {
  const memo = new Map<string, Promise<unknown>>();

  /** `decode` turns a 200's text into a body, `check` a body (new or stored) into the value. */
  async function get<T>(endpoint: RegistryEndpoint, url: string, decode: (text: string) => unknown, check: (body: unknown) => T, options: GetOptions): Promise<T> {
    const cached = options.conditional ? await cache.get(url) : undefined;
    const answer = await http.get(endpoint, url, cached?.etag, options.accept);
    if (answer.status === 304) {
      if (!cached) throw new RegistryFault('invalid-response', 'HTTP 304 to an unconditional request');
      return check(cached.body);
    }
    const value = check(decode(answer.text));
    if (options.conditional && answer.validator) await cache.set(url, answer.validator, value);
    return value;
  }

  function once<T>(url: string, load: () => Promise<T>): Promise<T> {
    let pending = memo.get(url) as Promise<T> | undefined;
    if (!pending) memo.set(url, (pending = load()));
    return pending;
  }

  const urlOf = (endpoint: RegistryEndpoint, path: string) => (/^https?:\/\//.test(path) ? path : urls[endpoint] + path);

  return {
    json(endpoint, path, schema, options = {}) {
      const url = urlOf(endpoint, path);
      return once(url, () => get(endpoint, url, parseJson, (body) => validate(schema, body), options));
    },
    text(endpoint, path, options = {}) {
      const url = urlOf(endpoint, path);
      return once(url, () => get(endpoint, url, (text) => text, asText, options));
    },
  };
}

/**
 * Like Promise.all, but a failure is reported only once every request has ended, so no request of a
 * package outlives the call that asked for it.
 */
export async function settleAll<T extends readonly unknown[] | []>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
