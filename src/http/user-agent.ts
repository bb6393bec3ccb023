/**
 * The project's User-Agent for every outbound request: `stackradar/VERSION`, plus `(+CONTACT)` when the
 * user gives an e-mail address or URL, as PyPI, crates.io and Packagist ask of automated clients.
 */
import { readFileSync } from 'node:fs';

export const PRODUCT_TOKEN = 'stackradar';

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const VERSION = packageVersion();

export function userAgent(contact?: string): string {
  return contact ? `${PRODUCT_TOKEN}/${VERSION} (+${contact})` : `${PRODUCT_TOKEN}/${VERSION}`;
}
