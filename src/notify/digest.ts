/**
 * The body of a run's webhook: the digest `{run, events}` (STACKRADAR_WEBHOOK_FORMAT=json) or a Slack
 * incoming-webhook message `{text, blocks}` (slack). Pure: rows in, JSON text out.
 */
import type { EventRow } from '../store/events.js';
import type { runSummary } from '../store/events.js';

export type RunSummary = NonNullable<Awaited<ReturnType<typeof runSummary>>>;
export type WebhookFormat = 'json' | 'slack';

/** Slack takes at most 50 blocks a message: a header, this many events, and a line for the rest. */
const SLACK_EVENTS = 45;
const SLACK_SUMMARY_CHARS = 500;

const eventJson = (event: EventRow) => ({
  id: event.id,
  kind: event.kind,
  at: event.at.toISOString(),
  source_url: event.sourceUrl,
  slug: event.slug,
  title: event.title,
  summary: event.summary,
  url: event.url,
  data: event.data,
});

function digestBody(run: RunSummary, events: EventRow[]): unknown {
  return {
    run: {
      id: run.id,
      trigger: run.trigger,
      command: run.command,
      status: run.status,
      run_at: run.run_at.toISOString(),
      started_at: run.started_at.toISOString(),
      finished_at: run.finished_at?.toISOString() ?? null,
      error: run.error,
    },
    events: events.map(eventJson),
  };
}

/** Slack's mrkdwn reserves these three characters. */
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function slackBody(run: RunSummary, events: EventRow[]): unknown {
  const headline = `stackradar run ${run.id} ${run.status}: ${events.length} change${events.length === 1 ? '' : 's'}`;
  const sections = events.slice(0, SLACK_EVENTS).map((event) => {
    const title = escapeSlack(event.title);
    const summary = escapeSlack(event.summary.slice(0, SLACK_SUMMARY_CHARS));
    return { type: 'section', text: { type: 'mrkdwn', text: `*${event.url ? `<${event.url}|${title}>` : title}*\n${summary}` } };
  });
  const rest = events.length - sections.length;
  const more = rest > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `… and ${rest} more (stackradar feed)` }] }] : [];
  return { text: headline, blocks: [{ type: 'header', text: { type: 'plain_text', text: headline } }, ...sections, ...more] };
}

export function webhookBody(format: WebhookFormat, run: RunSummary, events: EventRow[]): string {
  return JSON.stringify(format === 'slack' ? slackBody(run, events) : digestBody(run, events));
}
