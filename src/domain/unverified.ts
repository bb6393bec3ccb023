/**
 * Link results that are no finding: a 401, 403, 429, 5xx or timeout says nothing of the link. Review
 * records them, but only `review --all` shows them; no summary line, exit code or event counts them.
 */
const UNVERIFIED_FINDINGS: ReadonlySet<string> = new Set(['docs-unverified', 'link-unverified']);

export const isUnverifiedFinding = (finding: string): boolean => UNVERIFIED_FINDINGS.has(finding);
