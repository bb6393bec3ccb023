/**
 * Errors that end a whole GitHub fetch instead of failing one repository: a rejected token, an API host
 * that cannot be reached at all (no DNS answer, connection refused, no route), which retrying every
 * repository for minutes would not fix, and an interrupted run.
 */

export class GitHubFatalError extends Error {}

export class GitHubAuthError extends GitHubFatalError {
  constructor() {
    super('GitHub rejected the token (401 Bad credentials); check GITHUB_TOKEN');
    this.name = 'GitHubAuthError';
  }
}

/** The caller's signal stopped the fetch (an interrupted run): nothing more is asked of GitHub. */
export class GitHubAbortedError extends GitHubFatalError {
  constructor() {
    super('GitHub requests stopped: the run was interrupted');
    this.name = 'GitHubAbortedError';
  }
}

const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
};

export class GitHubUnreachableError extends GitHubFatalError {
  constructor(host: string, code: string) {
    super(`cannot reach GitHub at ${host}: ${UNREACHABLE[code] ?? 'network error'} (${code})`);
    this.name = 'GitHubUnreachableError';
  }
}

/**
 * The system error code when `err` (fetch's TypeError, its cause, or the AggregateError of a
 * dual-stack connect) says the host cannot be reached at all; undefined for anything else.
 */
export function unreachableCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && code in UNREACHABLE) return code;
    if (e instanceof AggregateError) {
      const codes = e.errors.map(unreachableCode);
      if (codes.every(Boolean)) return codes[0];
    }
  }
  return undefined;
}
