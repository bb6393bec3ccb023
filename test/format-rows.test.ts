/** formatRows(): the text forms of rows the CLI prints. */
import { describe, expect, it } from 'vitest';
import { fitColumns, formatRows } from '../src/format/rows.js';

describe('formatRows with no rows', () => {
  it('prints only the header in csv and Markdown when the columns are known', () => {
    expect(formatRows([], 'csv', ['a', 'b'])).toBe('a,b\r\n');
    expect(formatRows([], 'md', ['a', 'b'])).toBe('| a | b |\n| --- | --- |\n');
    expect(formatRows([], 'json', ['a', 'b'])).toBe('[]\n');
  });

  it('prints nothing in csv and Markdown when no column is known', () => {
    expect(formatRows([], 'csv')).toBe('');
    expect(formatRows([], 'md')).toBe('');
    expect(formatRows([], 'table')).toBe('0 rows\n');
  });
});

describe('formatRows as a table', () => {
  const URL_ = 'https://www.keycdn.com/blog/best-backend-frameworks';
  const BEFORE = 'Ruby on Rails is a server-side web application framework written in Ruby under the MIT License.';
  const rows = [
    { source_url: URL_, from_version: 1, to_version: 2, change: 'changed', slug: 'ruby-on-rails', framework: 'Ruby on Rails', field: 'description', before: BEFORE, after: 'Rails is a full-stack framework.\nIt ships with everything.' },
    { source_url: URL_, from_version: 1, to_version: 12345, change: 'added', slug: 'flask', framework: 'Flask', field: null, before: null, after: null },
  ];
  /** The lines of the table that hold text (header and rows), not its rules. */
  const textLines = (table: string) => table.split('\n').filter((line) => line.startsWith('│'));

  it.each([80, 200])('fits a terminal %i columns wide, one line per row, numbers whole and right-aligned', (width) => {
    const table = formatRows(rows, 'table', undefined, { width });
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    const [, first, second] = textLines(table);
    expect(textLines(table)).toHaveLength(3);
    expect(second).toMatch(/│ +12,345 │/);
    expect(first).toMatch(/│ +1 │ +2 │/);
    // The long text is cut short with an ellipsis rather than pushing the table past the edge.
    expect(table).not.toContain(BEFORE);
    expect(first).toMatch(/Ruby…|Ruby on Rails is a[^│]*…/);
    expect(table.endsWith('2 rows\n')).toBe(true);
  });

  it('keeps short columns whole on a wide terminal and cuts only the long ones', () => {
    const [header, first] = textLines(formatRows(rows, 'table', undefined, { width: 200 }));
    for (const name of ['from_version', 'to_version', 'change', 'slug', 'framework', 'field', 'before', 'after']) expect(header).toContain(` ${name} `);
    for (const text of ['ruby-on-rails', 'Ruby on Rails', 'description', 'changed']) expect(first).toContain(` ${text} `);
    // Line breaks in a value become spaces: a row stays on one line.
    expect(first).toContain('Rails is a full-stack framework. I');
  });

  it('leaves a table that fits as it is', () => {
    const table = formatRows([{ framework: 'Express', stars: 68123, duration: 1234.5 }], 'table', undefined, { width: 80 });
    expect(textLines(table)).toEqual(['│ framework │  stars │ duration │', '│ Express   │ 68,123 │  1,234.5 │']);
  });

  it('without a width keeps every word and still right-aligns numbers', () => {
    const table = formatRows(rows, 'table');
    expect(table).toMatch(/│ +12,345 │/);
    // Long text wraps over several lines instead.
    expect(textLines(table).length).toBeGreaterThan(3);
    for (const word of BEFORE.split(' ')) expect(table).toContain(word);
  });
});

describe('fitColumns', () => {
  it('gives the spare room evenly, so narrow columns are whole and wide ones share the rest', () => {
    // 4 borders + widths = 40: minimums 6 + 6 + 10 leave 18, shared out.
    expect(fitColumns([8, 50, 10], [6, 6, 10], 40)).toEqual([8, 18, 10]);
    expect(fitColumns([8, 50, 10], [6, 6, 10], 200)).toEqual([8, 50, 10]);
    // Too narrow even for the minimums: those stay.
    expect(fitColumns([8, 50, 10], [6, 6, 10], 10)).toEqual([6, 6, 10]);
  });
});
