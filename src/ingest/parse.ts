/** Parses a "Top N frameworks" article's HTML into structured entries, without per-site configuration. */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { ArticleLink, ParsedArticle } from '../domain/article.js';
import { clean, flattenBlocks, isElement, textOf } from './parse-blocks.js';
import { extractEntries } from './parse-entries.js';
import { promisedCount, readMeta } from './parse-meta.js';
import { findMain, stripChrome } from './parse-page.js';

function loadDocument(html: string, url: string): CheerioAPI {
  // cheerio throws on an unparsable base URL when resolving links; without one they stay relative and are dropped.
  return URL.canParse(url) ? load(html, { baseURI: url }) : load(html);
}

function resolvedHref($: CheerioAPI, a: AnyNode): string | null {
  try {
    const href = $(a).prop('href');
    return typeof href === 'string' ? href : null;
  } catch {
    // cheerio resolves with new URL(), which throws on malformed hrefs such as "http://[::1".
    return null;
  }
}

function linkResolver($: CheerioAPI): (nodes: AnyNode[]) => ArticleLink[] {
  return (nodes) => {
    const links: ArticleLink[] = [];
    const seen = new Set<string>();
    $(nodes.filter(isElement))
      .find('a[href]')
      .addBack('a[href]')
      .each((_, a) => {
        const url = resolvedHref($, a);
        if (!url || !/^https?:\/\//i.test(url)) return;
        const text = clean(textOf(a) || $(a).attr('title') || $(a).find('img[alt]').attr('alt') || '');
        const key = `${text}\n${url}`;
        if (seen.has(key)) return;
        seen.add(key);
        links.push({ text, url });
      });
    return links;
  };
}

/** Never throws: whatever cannot be read is left null or empty. */
export function parseArticle(html: string, url: string): ParsedArticle {
  const article: ParsedArticle = {
    url,
    title: null,
    author: null,
    publishedAt: null,
    updatedAt: null,
    promisedCount: null,
    entries: [],
    sections: [],
  };
  let $: CheerioAPI;
  try {
    $ = loadDocument(typeof html === 'string' ? html : String(html ?? ''), url);
  } catch {
    return article;
  }
  try {
    Object.assign(article, readMeta($));
    article.promisedCount = promisedCount(article.title);
  } catch {
    // Metadata is best effort; the entries below do not depend on it.
  }
  try {
    stripChrome($);
    const root = findMain($);
    if (root) {
      const { entries, sections } = extractEntries(flattenBlocks(root), linkResolver($));
      article.entries = entries;
      article.sections = sections;
    }
  } catch {
    article.entries = [];
    article.sections = [];
  }
  return article;
}
