/**
 * The links stage, between registries and review: the links the tracked articles give in their
 * entries, each checked when due like a docs link (never checked, or last checked
 * STACKRADAR_DOCS_MAX_AGE ago or more), with the docs checker (politeness, per-host cap, network guard).
 * Every check is a row of `link_checks`, so review reads each link's history. A link several entries
 * give is checked once. STACKRADAR_LINK_CHECKS=false skips the stage.
 */
import { checkDocsLinks } from '../../enrich/docs-check.js';
import { userAgent } from '../../http/user-agent.js';
import { lastLinkChecks, recordLinkChecks } from '../../store/links.js';
import { reviewEntries } from '../../store/review.js';
import { throwIfInterrupted, type RunContext } from '../context.js';
import type { Stage } from '../stage.js';

export interface LinksOutcome {
  /** Links checked this run (the others were checked recently enough). */
  checked: number;
}

const isWebLink = (url: string): boolean => /^https?:\/\//i.test(url);

async function checkLinks(context: RunContext, runId: number): Promise<LinksOutcome> {
  if (!context.config.linkChecks) return { checked: 0 };
  const { db } = context.store;
  const urls = [...new Set((await reviewEntries(db)).flatMap((entry) => entry.links.map((link) => link.url)).filter(isWebLink))];
  const last = await lastLinkChecks(db, urls);
  const due = urls.filter((url) => {
    const at = last.get(url);
    return !at || context.now.getTime() - at.getTime() >= context.config.docsMaxAgeMs;
  });
  const checks = await checkDocsLinks(due, { allowPrivateNetwork: context.config.allowPrivateNetwork, userAgent: userAgent(context.config.contact) });
  throwIfInterrupted(context);
  await recordLinkChecks(db, runId, [...checks].map(([url, c]) => ({ url, checkedAt: context.now, status: c.status, error: c.error, firstStatus: c.firstStatus, movedTo: c.movedTo })));
  return { checked: due.length };
}

/** Not essential: a failure leaves the run's figures standing, and review reads the checks it has. */
export function linksStage(): Stage<LinksOutcome> {
  return {
    name: 'links',
    essential: false,
    run: checkLinks,
    summarize: (outcome) => ({ status: 'succeeded', stats: {}, requests: { links: outcome.checked }, problems: [] }),
  };
}
