/** An article's title, author and dates, from structured data, meta tags or the visible byline. */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { clean, isElement, textOf } from './parse-blocks.js';
import { insideChrome } from './parse-page.js';

export interface ArticleMeta {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DATE =
  '(?:[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]{2,8}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})';
const UPDATED_TEXT = new RegExp(`\\b(?:updated|modified|revised)(?:\\s+on)?\\s*:?\\s*(${DATE})`, 'i');
const PUBLISHED_TEXT = new RegExp(`\\b(?:published|posted|written|created)(?:\\s+on)?\\s*:?\\s*(${DATE})`, 'i');

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/**
 * ISO form of a stated date: `YYYY-MM-DD` for a day, the full timestamp (its own offset kept, so the
 * calendar day is the one the site states) when a time is given; null when unreadable.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  const s = clean(raw ?? '');
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!day || iso[4] === undefined) return day;
    if (Number(iso[4]) > 23 || Number(iso[5]) > 59 || Number(iso[6] ?? 0) > 59) return null;
    const zone = iso[8] ? (iso[8].toUpperCase() === 'Z' ? 'Z' : iso[8].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')) : '';
    return `${day}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${iso[7] ?? ''}${zone}`;
  }
  const mdy = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (mdy) return isoDay(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  const dmy = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (dmy) return isoDay(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  if (/\b\d{4}\b/.test(s) && /[A-Za-z]{3}/.test(s)) {
    const t = Date.parse(s);
    if (Number.isFinite(t)) {
      const d = new Date(t);
      return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString() : null;
    }
  }
  return null;
}

/** The count a title promises: "Top 8 Best …", "10 Best …", "The 12 most popular …". */
export function promisedCount(title: string | null): number | null {
  if (!title) return null;
  const m =
    /\b(?:top|best)\s+(\d{1,3})\b/i.exec(title) ??
    /^\s*(?:the\s+)?(\d{1,3})\s+[A-Za-z]/i.exec(title) ??
    /(?<![\d.])(\d{1,3})\s+(?:[\w.#+-]+\s+){0,3}(?:frameworks|libraries|tools|options|alternatives)\b/i.exec(title);
  const n = m ? Number(m[1]) : 0;
  return n > 0 ? n : null;
}

type Json = Record<string, unknown>;

interface JsonLd {
  articles: Json[];
  /** Nodes by "@id": Yoast-style graphs name the author by reference. */
  byId: Map<string, Json>;
}

function readJsonLd($: CheerioAPI): JsonLd {
  const ld: JsonLd = { articles: [], byId: new Map() };
  const collect = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) collect(x, depth + 1);
      return;
    }
    const o = v as Json;
    const type = ([] as unknown[]).concat(o['@type'] ?? []).join(' ');
    if (/Article|BlogPosting|Posting|Report/.test(type)) ld.articles.push(o);
    if (typeof o['@id'] === 'string' && Object.keys(o).length > 1) ld.byId.set(o['@id'], o);
    collect(o['@graph'], depth + 1);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      collect(JSON.parse(el.children.map((c) => ('data' in c ? c.data : '')).join('')), 0);
    } catch {
      // A page's broken JSON-LD is not our failure; the other sources still apply.
    }
  });
  return ld;
}

const str = (v: unknown): string | null => (typeof v === 'string' && clean(v) ? clean(v) : null);

function personName(v: unknown, byId: Map<string, Json>, depth = 0): string | null {
  if (depth > 3) return null;
  if (Array.isArray(v)) {
    const names = v.map((x) => personName(x, byId, depth + 1)).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') {
    const o = v as Json;
    const ref = typeof o['@id'] === 'string' ? byId.get(o['@id']) : undefined;
    return str(o.name) ?? (ref && ref !== o ? personName(ref, byId, depth + 1) : null);
  }
  return plausibleName(str(v));
}

function plausibleName(s: string | null): string | null {
  if (!s) return null;
  const name = clean(s.replace(/^by:?\s+/i, '').replace(/\s+(?:Updated|Published|Posted|Last|On|Modified|Reviewed|Edited)\b.*$/, ''));
  if (!name || name.length > 60 || /\d|https?:|www\.|@|\//i.test(name) || name.split(' ').length > 5) return null;
  return name;
}

/** "By Martin Williams", "Posted by Jane Doe on …", at the start of a byline element's text. */
function bylineName(text: string): string | null {
  const m = /^(?:(?:[Pp]osted|[Ww]ritten|[Pp]ublished|[Aa]uthored)\s+)?(?:[Bb]y|BY):?\s+((?:\p{Lu}[\p{L}'’.-]*\s?){1,4})/u.exec(text);
  return plausibleName(m?.[1] ?? null);
}

const BYLINE_SELECTOR = [
  '[rel="author"]', '[itemprop="author"]', '[class*="byline"]', '[class*="author"]', '[class*="post-meta"]',
  '[class*="entry-meta"]', '[class*="article-meta"]', '[class*="post-info"]', '[class*="posted"]',
].join(', ');

function titleFrom($: CheerioAPI, docTitle: string | null): string | null {
  const h1s = $('h1')
    .toArray()
    .filter((h) => !insideChrome(h))
    .map((h) => textOf(h))
    .filter(Boolean);
  const lower = docTitle?.toLowerCase();
  const named = lower ? h1s.find((h) => lower.includes(h.toLowerCase())) : undefined;
  // Several <h1> none of which the document title names: the page puts its entries at h1.
  return named ?? (h1s.length === 1 || !docTitle ? (h1s[0] ?? null) : null);
}

/** The title heading and what follows it in its container, where an unmarked byline usually sits. */
function afterTitle(h1: Element): Element[] {
  const siblings = h1.parent && isElement(h1.parent) ? h1.parent.children.filter(isElement) : [h1];
  const at = siblings.indexOf(h1);
  return siblings.slice(at + 1, at + 6).filter((el) => !insideChrome(el));
}

/** "Top 8 Best Backend Frameworks - KeyCDN" → "Top 8 Best Backend Frameworks". */
function withoutSiteName(title: string | null): string | null {
  return title ? (title.split(/\s+[|–—·-]\s+/)[0] ?? title).trim() || null : null;
}

export function readMeta($: CheerioAPI): ArticleMeta {
  const metas = new Map<string, string>();
  $('meta[content]').each((_, el) => {
    const content = str(el.attribs.content);
    for (const key of [el.attribs.property, el.attribs.name, el.attribs.itemprop]) {
      if (key && content && !metas.has(key.toLowerCase())) metas.set(key.toLowerCase(), content);
    }
  });
  const meta = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k.toLowerCase());
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd($);
  const fromLd = (key: string): unknown => ld.articles.map((o) => o[key]).find((v) => v !== undefined && v !== null);

  const docTitle = meta('og:title', 'twitter:title') ?? (str($('head > title').first().text()) || null);
  const title = str(fromLd('headline')) ?? titleFrom($, docTitle) ?? withoutSiteName(docTitle);

  const bylines = $(BYLINE_SELECTOR)
    .toArray()
    .filter((el): el is Element => isElement(el) && !insideChrome(el));
  const titleHeading = $('h1')
    .toArray()
    .find((h) => !insideChrome(h));
  const nearTitle = titleHeading ? afterTitle(titleHeading).map((el) => textOf(el).slice(0, 300)) : [];
  const bylineTexts = [...bylines.map((el) => textOf(el)), ...nearTitle];

  const authorElement = bylines.find(
    (el) => el.attribs.rel === 'author' || el.attribs.itemprop === 'author' || /author/i.test(el.attribs.class ?? ''),
  );
  const author =
    personName(fromLd('author'), ld.byId) ??
    plausibleName(meta('author', 'article:author', 'parsely-author', 'sailthru.author')) ??
    bylineTexts.map(bylineName).find(Boolean) ??
    plausibleName(authorElement ? textOf($(authorElement).find('[itemprop="name"]').get(0) ?? authorElement) : null);

  const timeAttr = (selector: string): string | null => {
    const el = $(selector).first();
    return normalizeDate(el.attr('datetime') ?? el.attr('content') ?? null);
  };
  const fromText = (re: RegExp): string | null => {
    for (const t of bylineTexts) {
      const v = normalizeDate(re.exec(t)?.[1]);
      if (v) return v;
    }
    return null;
  };

  const publishedAt =
    normalizeDate(str(fromLd('datePublished'))) ??
    normalizeDate(meta('article:published_time', 'og:published_time', 'datePublished', 'date', 'publish-date', 'pubdate')) ??
    timeAttr('time[itemprop="datePublished"], [itemprop="datePublished"], time.published, time.entry-date') ??
    fromText(PUBLISHED_TEXT);
  const updatedAt =
    normalizeDate(str(fromLd('dateModified'))) ??
    normalizeDate(meta('article:modified_time', 'og:updated_time', 'dateModified', 'last-modified')) ??
    timeAttr('time[itemprop="dateModified"], [itemprop="dateModified"], time.updated') ??
    fromText(UPDATED_TEXT);

  return { title, author, publishedAt, updatedAt };
}
