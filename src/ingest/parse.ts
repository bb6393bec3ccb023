/**
 * Parses a "Top N frameworks" article into structured entries, without per-site configuration. HTML is
 * read as browsers read it (cheerio's parse5 recovers unclosed and misplaced tags); Markdown is rendered
 * first and then read by the same code.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { ArticleLink, ParsedArticle } from '../domain/article.js';
import { renderMarkdown } from './markdown.js';
import { clean, flattenBlocks, isElement, textOf } from './parse-blocks.js';
import { extractEntries } from './parse-entries.js';
import { labelOf } from './parse-labels.js';
import { promisedCount, readMeta } from './parse-meta.js';
import { findMain, stripChrome } from './parse-page.js';

/** A source's pinned structure (`sources set URL --entries SELECTOR [--exclude SELECTOR]`). */
export interface EntryPin {
  /** CSS selector: each matching element starts an entry. */
  entries: string;
  /** CSS selector: matching elements (and what they contain) are left out. */
  exclude?: string | null;
}

export interface ParseOptions {
  /** Framework names and aliases the caller knows (e.g. from its catalog); they help where headings are ambiguous. */
  knownNames?: Iterable<string>;
  /** Wins over discovery; the decision then reports `pinned`. */
  pin?: EntryPin | null;
}

/** A Vue single-file component keeps its page in a top-level <template>, which HTML parsers hold inert. */
const SFC_TEMPLATE = /^\s*(?:<!--[\s\S]*?-->\s*)*<template\b[^>]*>([\s\S]*)<\/template>/;

function loadDocument(html: string, url: string): CheerioAPI {
  const page = SFC_TEMPLATE.exec(html)?.[1] ?? html;
  // cheerio throws on an unparsable base URL when resolving links; without one they stay relative and are dropped.
  return URL.canParse(url) ? load(page, { baseURI: url }) : load(page);
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

type Meta = Pick<ParsedArticle, 'title' | 'author' | 'publishedAt' | 'updatedAt'>;

/**
 * Never throws: whatever cannot be read is left null or empty. `stated` (a Markdown document's front
 * matter) wins over what the page says about itself; `titleFromHeading` lets a document without any title
 * be named by its first heading.
 */
function parseDocument(html: string, url: string, options: ParseOptions, stated: Partial<Meta>, titleFromHeading: boolean): ParsedArticle {
  const article: ParsedArticle = {
    url,
    title: null,
    author: null,
    publishedAt: null,
    updatedAt: null,
    promisedCount: null,
    entries: [],
    sections: [],
    decision: { chosen: null, runnersUp: [], confidence: 0, reasons: ['no entries found'], doubt: 'no entries found' },
  };
  let $: CheerioAPI;
  try {
    $ = loadDocument(typeof html === 'string' ? html : String(html ?? ''), url);
  } catch {
    return article;
  }
  try {
    Object.assign(article, readMeta($));
    for (const [k, v] of Object.entries(stated) as Array<[keyof Meta, string | null]>) if (v) article[k] = v;
    if (!article.title && titleFromHeading) article.title = textOf($('h1, h2, h3, h4, h5, h6').first().toArray()) || null;
    article.promisedCount = promisedCount(article.title);
  } catch {
    // Metadata is best effort; the entries below do not depend on it.
  }
  try {
    const pin = options.pin ?? null;
    if (pin?.exclude) $(pin.exclude).remove();
    // A pin names elements anywhere in the page: discovery's guess at the article's main part does not limit it.
    if (!pin) stripChrome($);
    const root = pin ? ($('body').get(0) ?? null) : findMain($);
    if (root && isElement(root)) {
      const isLabel = (text: string): boolean => labelOf(text) !== null;
      const { entries, sections, decision } = extractEntries(flattenBlocks(root, isLabel), linkResolver($), {
        title: article.title,
        promised: article.promisedCount,
        knownNames: [...(options.knownNames ?? [])],
        isLabel,
        pinned: pin ? { selector: pin.entries, matches: $(pin.entries).toArray().filter(isElement) } : null,
      });
      article.entries = entries;
      article.sections = sections;
      article.decision = decision;
    }
  } catch {
    article.entries = [];
    article.sections = [];
  }
  return article;
}

/** An HTML page. Never throws. */
export function parseArticle(html: string, url: string, options: ParseOptions = {}): ParsedArticle {
  return parseDocument(html, url, options, {}, false);
}

const MARKDOWN_TYPE = /^\s*text\/(?:x-)?markdown\b/i;
const MARKDOWN_PATH = /\.(?:md|markdown|mdx)$/i;

/** Whether a source is Markdown: by its content type, else (no type, or plain text) by its URL's or file's extension. */
export function isMarkdownSource(url: string, contentType: string | null): boolean {
  if (contentType && MARKDOWN_TYPE.test(contentType)) return true;
  if (contentType && !/^\s*text\/plain\b/i.test(contentType)) return false;
  const path = URL.canParse(url) ? new URL(url).pathname : (url.split(/[?#]/)[0] ?? url);
  return MARKDOWN_PATH.test(path);
}

/**
 * The one entry point for fetched pages and files: Markdown (by content type or extension) is rendered
 * and its front matter's title, author and dates become the article's; anything else is read as HTML.
 * Never throws.
 */
export function parseSource(body: string, url: string, contentType: string | null, options: ParseOptions = {}): ParsedArticle {
  if (!isMarkdownSource(url, contentType)) return parseArticle(body, url, options);
  const { html, meta } = renderMarkdown(typeof body === 'string' ? body : String(body ?? ''));
  return parseDocument(`<!doctype html><html><head></head><body><article>${html}</article></body></html>`, url, options, meta, true);
}
