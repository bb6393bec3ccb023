/**
 * Markdown sources (a guide kept in a repository, fetched from its raw URL or read from a file): front
 * matter read with gray-matter, the body rendered with markdown-it as the site generators do, so the same
 * HTML parser reads it. Site-generator directives that render to nothing readable (Hugo shortcodes, Liquid
 * tags, MDX imports) are dropped; the text between paired shortcodes stays.
 */
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { normalizeDate } from './parse-meta.js';

interface FrontMatter {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

interface RenderedMarkdown {
  html: string;
  meta: FrontMatter;
}

// Footnotes render as the generators render them (a numbered reference, the notes at the end), which the parser leaves out.
const md = new MarkdownIt({ html: true, linkify: false }).use(footnote);

const DIRECTIVES = [
  /\{\{<\s*\/?[^>]*>\}\}/g, // Hugo shortcodes {{< x >}} … {{< /x >}}
  /\{\{%\s*\/?[^%]*%\}\}/g, // Hugo shortcodes {{% x %}}
  /\{%-?[^%]*-?%\}/g, // Liquid tags {% include … %}
];
const MDX_ESM = /^(?:import|export)\s[^\n]*(?:\n|$)/gm;

function stripDirectives(body: string): string {
  let out = body.replace(MDX_ESM, '');
  for (const re of DIRECTIVES) out = out.replace(re, '');
  return out;
}

const UNSPACED_HEADING = /^(#{1,6})(?=[^\s#])/;

/**
 * "##MongoDB", "###Strengths:": headings typed without the space CommonMark asks for, which the author
 * still means as headings (and "*Text" as a bullet). Read so where a document has three or more of "##" depth or deeper (a lone
 * "#hashtag" line stays text); lines inside code fences are left alone.
 */
function spacedHeadings(body: string): string {
  const lines = body.split('\n');
  let fenced = false;
  const unspaced = lines.map((line) => {
    if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    return !fenced && UNSPACED_HEADING.test(line);
  });
  if (unspaced.filter((u, i) => u && lines[i]?.startsWith('##')).length < 3) return body;
  // The same author's "*Text" bullet (one asterisk, no other on the line) is a list item, not emphasis.
  return lines.map((line, i) => (unspaced[i] ? line.replace(UNSPACED_HEADING, '$1 ') : line.replace(/^\*(?=[^\s*][^*]*$)/, '* '))).join('\n');
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function person(v: unknown): string | null {
  if (Array.isArray(v)) {
    const names = v.map(person).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return text((v as Record<string, unknown>).name);
  return text(v);
}

function date(v: unknown): string | null {
  if (v instanceof Date && Number.isFinite(v.getTime())) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : normalizeDate(iso.replace('.000Z', 'Z'));
  }
  return normalizeDate(text(v));
}

/** YAML turns `date: 2024-04-01T10:00:00+02:00` into a UTC Date; the line as written keeps the stated offset. */
function asWritten(yaml: string, key: string, value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const line = new RegExp(`^${key}\\s*:\\s*["']?([^"'\\n#]+?)["']?\\s*(?:#.*)?$`, 'm').exec(yaml);
  return line?.[1] && normalizeDate(line[1]) ? line[1] : value;
}

function frontMatter(data: Record<string, unknown>, yaml: string): FrontMatter {
  const first = (...keys: string[]): unknown => {
    const key = keys.find((k) => data[k] !== undefined && data[k] !== null);
    return key === undefined ? undefined : asWritten(yaml, key, data[key]);
  };
  return {
    title: text(first('title', 'metaTitle')),
    author: person(first('author', 'authors', 'writer')),
    publishedAt: date(first('date', 'publishDate', 'publishdate', 'pubDate', 'published_at', 'published')),
    updatedAt: date(first('lastmod', 'updated', 'updatedAt', 'updated_at', 'modified', 'dateModified')),
  };
}

/** Never throws: a document whose front matter cannot be read is rendered whole, without metadata. */
export function renderMarkdown(source: string): RenderedMarkdown {
  let body = source;
  let data: Record<string, unknown> = {};
  let yaml = '';
  try {
    const parsed = matter(source);
    body = parsed.content;
    data = parsed.data as Record<string, unknown>;
    yaml = parsed.matter;
  } catch {
    // Broken YAML: keep the text; the metadata stays unknown.
  }
  return { html: md.render(spacedHeadings(stripDirectives(body))), meta: frontMatter(data, yaml) };
}
