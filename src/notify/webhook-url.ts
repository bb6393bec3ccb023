/**
 * Webhook URLs carry secrets: a user and password, a token in the query, or the whole path (Slack's
 * `/services/T…/B…/<token>`). What is stored and logged is publicUrl(); the request goes to the URL
 * without its user information, which becomes a Basic Authorization header (fetch refuses it inline).
 */

/** A path segment this long of letters, digits, `_` and `-` is treated as a token. */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{16,}$/;

export function publicUrl(raw: string): string {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
  url.pathname = url.pathname
    .split('/')
    .map((segment) => (TOKEN_LIKE.test(segment) ? '***' : segment))
    .join('/');
  return url.toString();
}

export interface RequestTarget {
  url: string;
  authorization: string | undefined;
}

export function requestTarget(raw: string): RequestTarget {
  const url = new URL(raw);
  const credentials = url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  url.username = '';
  url.password = '';
  return { url: url.toString(), authorization: credentials && `Basic ${Buffer.from(credentials).toString('base64')}` };
}
