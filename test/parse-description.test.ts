/**
 * An entry's description is its first paragraph of prose: never a figure's caption, an image's alt
 * text, a code block or embedded media; cut at a sentence end near 300 characters; null without one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEntries } from '../src/domain/diff.js';
import { parseArticle } from '../src/ingest/parse.js';
import { descriptionOf } from '../src/ingest/parse-draft.js';

const URL_ = 'https://www.keycdn.com/blog/best-backend-frameworks';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/articles/${name}.html`, import.meta.url), 'utf8');
const descriptions = (html: string) => parseArticle(html, URL_).entries.map((e) => e.description);

/** The numbered-h2 rendition as a site that adds pictures to its posts serves it: a figure, a video and a code sample under each heading. */
const withMedia = (html: string) =>
  html.replace(
    /(<h2 id="[^"]+">\d+\. <a href="[^"]+">([^<]+)<\/a><\/h2>)/g,
    '$1\n<figure><img src="/img/$2.png" alt="$2 homepage"><figcaption>$2 homepage</figcaption></figure>\n<iframe src="https://video.example/$2"></iframe>\n<pre><code>npm install $2</code></pre>',
  );

describe('descriptions', () => {
  it('are the same in the three renditions of the seed article', () => {
    const [original, numbered, mixed] = ['keycdn-original', 'numbered-h2', 'mixed-h4'].map((f) => descriptions(fixture(f)));
    expect(original).toHaveLength(8);
    expect(numbered).toEqual(original);
    expect(mixed).toEqual(original);
  });

  it('skip figures, captions, embedded media and code blocks between the heading and the text', () => {
    const plain = fixture('numbered-h2');
    const media = withMedia(plain);
    expect(media.match(/<figcaption>/g)).toHaveLength(8);
    expect(descriptions(media)).toEqual(descriptions(plain));
    expect(descriptions(media).join(' ')).not.toMatch(/homepage|npm install/);
  });

  it('make diff report no change between a rendition with pictures and one without', () => {
    const entries = (html: string) => parseArticle(html, URL_).entries;
    const plain = fixture('numbered-h2');
    expect(diffEntries(entries(plain), entries(withMedia(plain)))).toEqual([]);
  });

  it('are null for an entry without a paragraph of prose', () => {
    const a = parseArticle(
      `<html><head><title>Top 2 Frameworks</title></head><body><main><h2>Laravel</h2><figure><img alt="Laravel"><figcaption>Laravel homepage</figcaption></figure><ul><li>Elegant</li></ul>
       <h2>Django</h2><p>Django is a Python framework.</p></main></body></html>`,
      URL_,
    );
    expect(a.entries.map((e) => [e.name, e.description])).toEqual([
      ['Laravel', null],
      ['Django', 'Django is a Python framework.'],
    ]);
  });

  it('end at the sentence end nearest 300 characters when the paragraph is long', () => {
    const sentence = (n: number) => `Sentence ${n} says something about the framework at some length here.`;
    const long = Array.from({ length: 10 }, (_, i) => sentence(i + 1)).join(' ');
    const cut = descriptionOf(long);
    expect(long.startsWith(cut)).toBe(true);
    expect(cut.endsWith('.')).toBe(true);
    expect(Math.abs(cut.length - 300)).toBeLessThan(70);
    expect(descriptionOf('Short and whole.')).toBe('Short and whole.');
  });
});
