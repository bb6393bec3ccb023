/** Configuration: environment and `.env`, validated once; command-line flags take precedence. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { REGISTRIES } from './catalog/catalog.js';
import { UsageError } from './errors.js';

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];
/** In any case (`TRUE`, `True`, `true`): people write booleans all three ways. */
const booleanString = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => TRUE.includes(value) || FALSE.includes(value), 'expected true or false (also 1/0, yes/no, on/off, in any case)')
  .transform((value) => TRUE.includes(value));

/** A whole number within limits, coerced from the variable's text with a message a user can act on. */
const wholeNumber = (min: number, max: number, unit: string) =>
  z.coerce
    .number({ message: `expected a whole number of ${unit} from ${min} to ${max}` })
    .int(`expected a whole number of ${unit} from ${min} to ${max}`)
    .min(min, `expected a whole number of ${unit} from ${min} to ${max}`)
    .max(max, `expected a whole number of ${unit} from ${min} to ${max}`);

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const DURATION_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });

/** The registries of the catalog plus the download-statistics services beside two of them (npm, PyPI). */
const REGISTRY_ENDPOINTS = [...REGISTRIES, 'npm-downloads', 'pypistats'] as const;
type RegistryEndpointName = (typeof REGISTRY_ENDPOINTS)[number];

/** `npm=http://127.0.0.1:4873,pypi=…` → base URL overrides, each a known name and an http(s) URL. */
const registryUrls = z.string().transform((text, ctx) => {
  const urls: Partial<Record<RegistryEndpointName, string>> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', url = ''] = pair.split(/=(.*)/s).map((part) => part.trim());
    const known = REGISTRY_ENDPOINTS.find((endpoint) => endpoint === name);
    if (!known) {
      ctx.addIssue({ code: 'custom', message: `unknown registry "${name}" in "${pair}" (known: ${REGISTRY_ENDPOINTS.join(', ')}; expected name=url pairs)` });
      return z.NEVER;
    }
    if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
      ctx.addIssue({ code: 'custom', message: `registry ${name}: "${url}" is not an http(s) URL` });
      return z.NEVER;
    }
    urls[known] = url.replace(/\/+$/, '');
  }
  return urls;
});

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional(),
  STACKRADAR_DATA_DIR: z.string().min(1).default('.stackradar'),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GH_TOKEN: z.string().min(1).optional(),
  GITHUB_API_URL: httpUrl.default('https://api.github.com'),
  GITHUB_GRAPHQL_URL: httpUrl.optional(),
  STACKRADAR_SOURCE_URL: z
    .string()
    .default('https://www.keycdn.com/blog/best-backend-frameworks')
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(httpUrl).min(1, 'expected at least one URL')),
  STACKRADAR_CATALOG: z.string().min(1).optional(),
  STACKRADAR_CRON: z.string().min(1).default('0 6 * * *'),
  STACKRADAR_TZ: z
    .string()
    .default('UTC')
    .refine(isTimeZone, 'expected an IANA time zone such as UTC or Europe/Berlin'),
  STACKRADAR_ALLOW_PRIVATE_NETWORK: booleanString.default(false),
  STACKRADAR_LINK_CHECKS: booleanString.default(true),
  STACKRADAR_FETCH_TIMEOUT: wholeNumber(1, 600, 'seconds').default(30),
  STACKRADAR_FETCH_RETRIES: wholeNumber(0, 10, 'retries').default(3),
  STACKRADAR_DOCS_MAX_AGE: z
    .string()
    .default('7d')
    .transform((text, ctx) => {
      const match = /^(\d+)\s*([smhdw])$/.exec(text.trim());
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'expected a duration such as 0s, 12h, 7d or 2w' });
        return z.NEVER;
      }
      return Number(match[1]) * DURATION_MS[match[2] as keyof typeof DURATION_MS];
    }),
  STACKRADAR_CONTACT: z
    .string()
    .trim()
    .regex(/^[^\s()]+$/, 'expected an e-mail address or URL without spaces or parentheses')
    .optional(),
  STACKRADAR_REGISTRY_URLS: registryUrls.default({}),
  STACKRADAR_WEBHOOK_URL: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
    // The message never repeats the value: a webhook URL may carry credentials.
    .pipe(z.array(z.url({ protocol: /^https?$/, message: 'expected http(s) URLs, comma-separated' }))),
  STACKRADAR_WEBHOOK_SECRET: z.string().min(1).optional(),
  STACKRADAR_WEBHOOK_FORMAT: z.enum(['json', 'slack']).default('json'),
  STACKRADAR_WEBHOOK_TIMEOUT: z.coerce.number().int().min(1).max(60).default(10),
  STACKRADAR_NOW: z.iso.datetime({ offset: true, local: false, message: 'expected an ISO timestamp' }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  githubToken: string | undefined;
  githubApiUrl: string;
  githubGraphqlUrl: string;
  sourceUrls: string[];
  catalogFile: string | undefined;
  cron: string;
  timeZone: string;
  allowPrivateNetwork: boolean;
  now: Date | undefined;
  /** Added to the User-Agent of every outbound request. */
  contact: string | undefined;
  /** Base URL overrides of the package registries (STACKRADAR_REGISTRY_URLS); the others use their defaults. */
  registryUrls: Partial<Record<RegistryEndpointName, string>>;
  /** A docs link checked more recently than this (ms) is not checked again; its last result is carried. */
  docsMaxAgeMs: number;
  /** Whether refresh checks the links articles give in their entries (as due as docs links). */
  linkChecks: boolean;
  /** Article fetching: seconds per attempt, and retries (with doubling backoff) for 5xx and network errors. */
  fetchTimeoutSecs: number;
  fetchRetries: number;
  /** Where each finished run's digest of events is POSTed, the HMAC key, the body's format and seconds per attempt. */
  webhook: { urls: string[]; secret: string | undefined; format: 'json' | 'slack'; timeoutSecs: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** How a setting was given, for messages about its value: `--cron`, `STACKRADAR_CRON (from .env)` or `STACKRADAR_CRON`. */
  nameOf(variable: string): string;
}

/** Flags given on the command line; each overrides its environment variable. */
export interface ConfigFlags {
  databaseUrl?: string;
  dataDir?: string;
  source?: string[];
  catalog?: string;
  cron?: string;
}

const flagToVariable = {
  databaseUrl: 'DATABASE_URL',
  dataDir: 'STACKRADAR_DATA_DIR',
  catalog: 'STACKRADAR_CATALOG',
  cron: 'STACKRADAR_CRON',
} as const;

/** The command-line spelling of each flag, so an error names what the user typed. */
const flagSpelling: Record<keyof ConfigFlags, string> = {
  databaseUrl: '--database-url',
  dataDir: '--data-dir',
  source: '--source',
  catalog: '--catalog',
  cron: '--cron',
};

/** Reads `.env` from the working directory without letting it override the real environment. */
function readDotenv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

export function loadConfig(
  flags: ConfigFlags = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Config {
  const dotenv = readDotenv(cwd);
  const merged: Record<string, string | undefined> = { ...dotenv, ...env };
  const givenBy = new Map<string, string>();
  for (const key of Object.keys(dotenv)) if (env[key] === undefined) givenBy.set(key, `${key} (from .env)`);
  for (const [flag, variable] of Object.entries(flagToVariable)) {
    const value = flags[flag as keyof typeof flagToVariable];
    if (value === undefined) continue;
    merged[variable] = value;
    givenBy.set(variable, flagSpelling[flag as keyof typeof flagToVariable]);
  }
  if (flags.source?.length) {
    merged.STACKRADAR_SOURCE_URL = flags.source.join(',');
    givenBy.set('STACKRADAR_SOURCE_URL', flagSpelling.source);
  }
  for (const key of Object.keys(merged)) if (merged[key] === '') merged[key] = undefined;

  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const variable = String(issue?.path[0] ?? 'configuration');
    throw new UsageError(`invalid ${givenBy.get(variable) ?? variable}: ${issue?.message ?? 'invalid value'}`);
  }
  return configOf(parsed.data, cwd, (variable) => givenBy.get(variable) ?? variable);
}

function configOf(e: z.infer<typeof envSchema>, cwd: string, nameOf: (variable: string) => string): Config {
  const apiUrl = e.GITHUB_API_URL.replace(/\/+$/, '');
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.STACKRADAR_DATA_DIR),
    githubToken: e.GITHUB_TOKEN ?? e.GH_TOKEN,
    githubApiUrl: apiUrl,
    githubGraphqlUrl: e.GITHUB_GRAPHQL_URL ?? `${apiUrl}/graphql`,
    sourceUrls: e.STACKRADAR_SOURCE_URL,
    catalogFile: e.STACKRADAR_CATALOG && path.resolve(cwd, e.STACKRADAR_CATALOG),
    cron: e.STACKRADAR_CRON,
    timeZone: e.STACKRADAR_TZ,
    allowPrivateNetwork: e.STACKRADAR_ALLOW_PRIVATE_NETWORK,
    now: e.STACKRADAR_NOW ? new Date(e.STACKRADAR_NOW) : undefined,
    contact: e.STACKRADAR_CONTACT,
    registryUrls: e.STACKRADAR_REGISTRY_URLS,
    docsMaxAgeMs: e.STACKRADAR_DOCS_MAX_AGE,
    linkChecks: e.STACKRADAR_LINK_CHECKS,
    fetchTimeoutSecs: e.STACKRADAR_FETCH_TIMEOUT,
    fetchRetries: e.STACKRADAR_FETCH_RETRIES,
    webhook: { urls: e.STACKRADAR_WEBHOOK_URL, secret: e.STACKRADAR_WEBHOOK_SECRET, format: e.STACKRADAR_WEBHOOK_FORMAT, timeoutSecs: e.STACKRADAR_WEBHOOK_TIMEOUT },
    logLevel: e.LOG_LEVEL,
    nameOf,
  };
}
