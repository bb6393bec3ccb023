/**
 * The events as a feed document: Atom 1.0 and RSS 2.0 through the `feed` library, JSON Feed 1.1
 * written here (the library writes 1.0 only). Pure: rows in, text out. Each item's id is a tag URI
 * (RFC 4151) made from the event's key, so it is the same in every document and on every database that
 * saw the same change; its link is the framework's repository or the article, else the feed's home.
 */
import { Feed, type Item } from 'feed';
import type { EventRow } from '../store/events.js';

export const FEED_FORMATS = ['atom', 'rss', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

const TAG_PREFIX = 'tag:stackradar,2026:';
const TITLE = 'stackradar: what changed';
const AUTHOR = 'stackradar';

/** The characters a tag URI's specific part may hold as they are; every other one is percent-encoded. */
const tagSafe = (text: string) => text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (c) => encodeURIComponent(c));

export const eventTag = (event: Pick<EventRow, 'key'>) => `${TAG_PREFIX}event:${tagSafe(event.key)}`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FeedContext {
  /** The feed's own link and the link of an event without one: the first tracked article. */
  home: string;
  kinds: string[];
  /** The feed's `updated` when it has no events. */
  now: Date;
}

function xmlFeed(events: EventRow[], format: 'atom' | 'rss', context: FeedContext): Feed {
  const feed = new Feed({
    id: `${TAG_PREFIX}feed:${context.kinds.length ? [...context.kinds].sort().join('+') : 'all'}`,
    title: TITLE,
    description: 'Change events of stackradar: article changes, releases, star milestones, anomalies and failed runs',
    link: context.home,
    language: 'en',
    updated: events[0]?.at ?? context.now,
    author: { name: AUTHOR },
    generator: 'stackradar',
  });
  for (const event of events) {
    const item: Item = {
      id: eventTag(event),
      // The library marks Atom titles type="html"; RSS titles are plain text.
      title: format === 'atom' ? escapeHtml(event.title) : event.title,
      link: event.url ?? event.sourceUrl ?? context.home,
      date: event.at,
      published: event.at,
      description: escapeHtml(event.summary),
      category: [{ name: event.kind, term: event.kind }],
    };
    feed.addItem(item);
  }
  return feed;
}

function jsonFeed(events: EventRow[], context: FeedContext): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: TITLE,
      home_page_url: context.home,
      authors: [{ name: AUTHOR }],
      language: 'en',
      items: events.map((event) => ({
        id: eventTag(event),
        url: event.url ?? event.sourceUrl ?? context.home,
        title: event.title,
        content_text: event.summary,
        date_published: event.at.toISOString(),
        date_modified: event.at.toISOString(),
        tags: [event.kind],
        // An extension object (its name starts with "_", as the spec asks): the event's fields for programs.
        _stackradar: { kind: event.kind, slug: event.slug, source_url: event.sourceUrl, data: event.data },
      })),
    },
    null,
    2,
  );
}

/** `events` newest first, as a document of `format`. */
export function renderFeed(events: EventRow[], format: FeedFormat, context: FeedContext): string {
  if (format === 'json') return `${jsonFeed(events, context)}\n`;
  const feed = xmlFeed(events, format, context);
  return `${format === 'atom' ? feed.atom1() : feed.rss2()}\n`;
}
