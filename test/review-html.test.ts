/** The review as HTML (`review --format html`, the report's Review section): escaping, grouping and order. */
import { describe, expect, it } from 'vitest';
import { renderReviewPage, reviewSection, type ReviewedFinding } from '../src/review/html.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const A = 'https://a.example/best-frameworks';
const B = 'https://b.example/guide';

function finding(over: Partial<ReviewedFinding>): ReviewedFinding {
  return {
    source_url: A, position: 1, framework: 'Laravel', finding: 'archived', severity: 'high',
    detail: 'laravel/framework is archived on GitHub: say so in the entry, or replace it',
    first_seen_at: new Date('2026-11-30T06:00:00Z'), evidence: { repo: 'laravel/framework', captured_at: '2026-12-07T06:00:00.000Z' }, ...over,
  };
}

describe('review html', () => {
  it('escapes every text value: a title, URL or detail carrying markup comes out inert', () => {
    const evil = '<script>alert(1)</script>';
    const html = renderReviewPage(
      [
        finding({ source_url: `https://x.example/?q="><script>alert(1)</script>`, framework: `Evil ${evil}`, detail: `the title says 2021 ("${evil}")`, evidence: { title: evil, nested: { url: `<img src=x onerror=alert(1)>` } } }),
      ],
      NOW,
    );
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('https://x.example/?q=&quot;&gt;&lt;script&gt;');
    expect(html).toContain('nested: (url: &lt;img src=x onerror=alert(1)&gt;)');
  });

  it('groups by source in the order given, most severe first within each, with counts, first seen and evidence', () => {
    const html = reviewSection([
      finding({ severity: 'info', finding: 'stale-title', position: null, framework: null, detail: 'the title says 2021', evidence: { year: 2021, current_year: 2026 } }),
      finding({ source_url: B, severity: 'medium', finding: 'docs-moved', detail: 'moved' }),
      finding({ severity: 'medium', finding: 'stale-version', detail: 'names Laravel 8', evidence: { named: ['Laravel 8'], current_version: 'v12.41.1', gone: null } }),
      finding({ severity: 'high', finding: 'archived' }),
    ]);
    expect([...html.matchAll(/<h3 class="review-source">([^<]+)</g)].map((m) => m[1])).toEqual([A, B]);
    const [first] = html.split(B);
    expect([...first!.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual(['archived', 'stale-version', 'stale-title']);
    expect(first).toContain('1 high, 1 medium, 1 info');
    expect(html).toContain('<td>the article</td>');
    expect(html).toContain('<td>#1 Laravel</td>');
    expect(html).toContain('<td class="date">2026-11-30</td>');
    expect(html).toContain('named: Laravel 8, current_version: v12.41.1</div>');
    expect(html).toContain('year: 2021, current_year: 2026');
  });

  it('says "No findings" when there are none; the page is self-contained', () => {
    const html = renderReviewPage([], NOW);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('No findings');
    expect(html).toContain('stackradar review — 2026-12-07');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
  });
});
