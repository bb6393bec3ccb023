/** Separates an article's own content from the page around it (navigation, sidebars, comments, banners). */
import type { CheerioAPI } from 'cheerio';
import { isText, type AnyNode, type Element } from 'domhandler';
import { isElement, textOf } from './parse-blocks.js';

const CHROME_TAGS = new Set([
  'nav', 'aside', 'footer', 'form', 'header', 'dialog', 'menu', 'iframe', 'script', 'style', 'noscript',
  'template', 'button', 'svg', 'select', 'textarea',
]);

const CHROME_WORDS =
  /(?:^|[\s_-])(?:site-header|masthead|navbar|nav|navigation|menu|breadcrumbs?|share|sharing|sharedaddy|social|comments?|respond|disqus|cookies?|consent|gdpr|related|sidebar|widgets?|newsletter|subscribe|subscription|signup|banner|promo|cta|advert(?:isement)?|ads|sponsored|popup|modal|footer|toc|author-bio|author-box|post-navigation|pagination)(?:$|[\s_-])/i;

const CHROME_ROLES = /^(?:navigation|banner|complementary|contentinfo|search|dialog|alertdialog|menu|menubar)$/i;

/** Whether an element looks like page furniture rather than article content. */
function isChrome(el: Element, tags: ReadonlySet<string> = CHROME_TAGS): boolean {
  if (tags.has(el.name)) return true;
  const a = el.attribs;
  if (a.role && CHROME_ROLES.test(a.role)) return true;
  if (a['aria-hidden'] === 'true' || a.hidden !== undefined) return true;
  return CHROME_WORDS.test(`${a.class ?? ''} ${a.id ?? ''}`);
}

// An article's own <header> holds its title and byline; only a site header (role/class) is furniture there.
const BYLINE_CHROME_TAGS = new Set([...CHROME_TAGS].filter((t) => t !== 'header' && t !== 'form'));

/** Whether a title or byline candidate sits in furniture (a comment's author, a related post's title). */
export function insideChrome(el: Element): boolean {
  for (let p: Element | null = el; p && isElement(p); p = p.parent as Element | null) {
    if (p.name !== 'body' && p.name !== 'html' && isChrome(p, BYLINE_CHROME_TAGS)) return true;
  }
  return false;
}

const visibleLength = (s: string): number => s.replace(/\s+/g, '').length;

/** How much readable article-like text an element holds: paragraph text, or all text on pages without <p>. */
function weigher(body: Element): (el: Element) => number {
  const memo = new Map<Element, number>();
  const sum = (el: Element, own: (c: AnyNode) => number): number => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    let n = 0;
    for (const c of el.children) n += own(c);
    memo.set(el, n);
    return n;
  };
  const paragraphs = (el: Element): number =>
    sum(el, (c) => (!isElement(c) ? 0 : c.name === 'p' ? visibleLength(textOf(c)) : paragraphs(c)));
  if (paragraphs(body) >= 200) return paragraphs;
  memo.clear();
  const text = (el: Element): number =>
    sum(el, (c) => (isText(c) ? visibleLength(c.data) : isElement(c) ? text(c) : 0));
  return text;
}

/**
 * Removes page furniture in place, except where removing it would take most of the article with it
 * (some sites wrap the whole page in a <form> or give <body> a "has-sidebar" class).
 */
export function stripChrome($: CheerioAPI): void {
  const body = $('body').get(0);
  if (!body || !isElement(body)) return;
  const weight = weigher(body);
  const total = weight(body);
  const visit = (el: Element): void => {
    for (const c of [...el.children]) {
      if (!isElement(c)) continue;
      if (isChrome(c) && (total === 0 || weight(c) < total * 0.5)) $(c).remove();
      else visit(c);
    }
  };
  visit(body);
}

const MAIN_SELECTOR = [
  '[itemprop="articleBody"]', '.entry-content', '.post-content', '.article-content', '.article-body',
  '.post-body', '.content-body', 'article', 'main', '[role="main"]',
].join(', ');

function depth(el: Element): number {
  let d = 0;
  for (let p = el.parent; p; p = p.parent) d++;
  return d;
}

/** The element that holds the article: a semantic container if one holds most of the text, else the densest element. */
export function findMain($: CheerioAPI): Element | null {
  const body = $('body').get(0);
  if (!body || !isElement(body)) return null;
  const weight = weigher(body);
  const total = weight(body);
  const scored = $(MAIN_SELECTOR)
    .toArray()
    .filter(isElement)
    .map((el) => ({ el, w: weight(el) }));
  const best = Math.max(0, ...scored.map((s) => s.w));
  if (best > 0 && best >= total * 0.3) {
    const good = scored.filter((s) => s.w >= best * 0.8);
    return good.reduce((a, b) => (depth(b.el) > depth(a.el) ? b : a)).el;
  }
  let root = body;
  for (;;) {
    const next = root.children.filter(isElement).find((c) => weight(c) >= total * 0.85 && weight(c) > 0);
    if (!next) return root;
    root = next;
  }
}
