/** formatRows(): the text forms of rows the CLI prints. */
import { describe, expect, it } from 'vitest';
import { formatRows } from '../src/format/rows.js';

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
