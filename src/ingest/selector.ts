/** Checks a CSS selector of `sources set --entries/--exclude` the way the parser will use it: with cheerio. */
import { load } from 'cheerio';

/** Why cheerio cannot use `selector` (empty, or a syntax error), or null when it can. */
export function selectorProblem(selector: string): string | null {
  if (selector.trim() === '') return 'it is empty';
  try {
    load('<p></p>')(selector);
    return null;
  } catch (error) {
    // css-what ends its messages with the rest of the selector, which is empty at its end.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'not a selector';
    return message.replace(/found\s*$/, 'found the end');
  }
}
