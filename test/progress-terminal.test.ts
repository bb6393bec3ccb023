/** On a terminal, log lines are written above the live progress line, never onto it. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/jobs/progress.js';
import { aboveLiveLine, createTerminal } from '../src/logger.js';

const CLEAR = '\r\x1b[2K';

describe('aboveLiveLine', () => {
  it('clears the live line, writes the log line, then draws the live line again', () => {
    expect(aboveLiveLine('warn: slow\n', 'enriching 3/8')).toBe(`${CLEAR}warn: slow\nenriching 3/8`);
  });

  it('writes the log line alone when no live line is shown', () => {
    expect(aboveLiveLine('warn: slow\n', undefined)).toBe('warn: slow\n');
  });
});

describe('live progress with log lines', () => {
  it('keeps every log line on a line of its own and the progress below them; the end clears the last stage', () => {
    let screen = '';
    const terminal = createTerminal({ write: (text: string) => (screen += text) });
    const logger = pino({ base: null, timestamp: false }, { write: (line: string) => terminal.log(line) });
    const progress = createProgress(logger, { live: true, terminal });

    progress.report('enriching', 1, 8);
    logger.warn('GitHub is slow');
    progress.report('enriching', 2, 8);
    progress.report('storing');
    progress.end();
    logger.info('done');

    expect(screen).toBe(
      `${CLEAR}enriching 1/8` +
        `${CLEAR}{"level":40,"msg":"GitHub is slow"}\nenriching 1/8` +
        `${CLEAR}enriching 2/8` +
        `\n${CLEAR}storing` +
        `${CLEAR}{"level":30,"msg":"done"}\n`,
    );
    // What a terminal shows: each \r\x1b[2K clears the line the cursor is on.
    const shown = screen.split('\n').map((line) => line.split(CLEAR).pop());
    expect(shown).toEqual(['{"level":40,"msg":"GitHub is slow"}', 'enriching 2/8', '{"level":30,"msg":"done"}', '']);
  });
});
