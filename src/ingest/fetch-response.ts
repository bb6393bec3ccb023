/**
 * Pure decisions of the article fetch: whether a response is worth reading (from its status, its
 * Content-Type and its URL, before the body is downloaded) and how a failure reads in one line.
 */

/** What a fetched body is: an HTML page (XHTML included) or a Markdown document. */
export type SourceType = 'text/html' | 'text/markdown';

type Verdict = { type: SourceType } | { error: string; retry: boolean };

const TYPES: Record<string, SourceType> = {
  'text/html': 'text/html',
  'application/xhtml+xml': 'text/html',
  'text/markdown': 'text/markdown',
  'text/x-markdown': 'text/markdown',
};

const MARKDOWN_PATH = /\.(md|markdown)$/i;
const HTML_PATH = /\.(html?|xhtml)$/i;

function pathOf(url: string): string {
  return URL.canParse(url) ? new URL(url).pathname : '';
}

/**
 * Decides on the status first, so that a 404 with a plain-text body reads `HTTP 404`; then on the
 * media type. Raw file hosts serve Markdown as text/plain, so a text/plain body counts as Markdown when
 * one of its URLs (asked for, or reached after redirects) names a .md/.markdown file; a missing
 * Content-Type is read from the file extension the same way.
 */
export function judgeResponse(status: number, contentType: string | undefined, urls: string[]): Verdict {
  if (status >= 400) return { error: `HTTP ${status}`, retry: status >= 500 };
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const known = TYPES[mediaType];
  if (known) return { type: known };
  const paths = urls.map(pathOf);
  const markdownFile = paths.some((path) => MARKDOWN_PATH.test(path));
  if (mediaType === 'text/plain' && markdownFile) return { type: 'text/markdown' };
  if (mediaType === '') {
    if (markdownFile) return { type: 'text/markdown' };
    if (paths.some((path) => HTML_PATH.test(path))) return { type: 'text/html' };
    return { error: 'not an HTML page (no Content-Type)', retry: false };
  }
  return { error: `not an HTML page (Content-Type ${mediaType})`, retry: false };
}

/** Shortens Crawlee's and got's messages to the cause a user can act on. */
export function describeFetchError(error: Error): string {
  const message = error.message;
  const code = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|CERT_\w+|ERR_TLS\w*)\b/.exec(message)?.[1];
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code) return `network error ${code}`;
  if (/timed? ?out/i.test(message)) return 'timed out';
  const status = /^(\d{3}) - /.exec(message)?.[1];
  if (status) return `HTTP ${status}`;
  return (message.split('\n')[0] ?? '').replace(/ Skipping resource\.$/, '');
}
