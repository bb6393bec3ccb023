#!/usr/bin/env node
/** The CLI's single exit point: every error becomes one line on stderr and the exit code the README documents. */
import { CommanderError } from 'commander';
import { ExitCode, StackradarError } from '../errors.js';
import { buildProgram } from './program.js';

function exitCodeOf(error: unknown): number {
  if (error instanceof StackradarError) return error.exitCode;
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  return ExitCode.failed;
}

async function main(): Promise<number> {
  try {
    await buildProgram().parseAsync(process.argv);
    return process.exitCode === undefined ? ExitCode.ok : Number(process.exitCode);
  } catch (error) {
    const code = exitCodeOf(error);
    // Commander has already printed its own message.
    if (!(error instanceof CommanderError)) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`stackradar: ${message.split('\n')[0]}\n`);
      if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') {
        process.stderr.write(`${(error as Error).stack ?? ''}\n`);
      }
    }
    return code;
  }
}

/** Resolves once everything written to stdout has been handed to the OS: a pipe takes large output in turns. */
const drained = () => new Promise<void>((resolve) => process.stdout.write('', () => resolve()));

// Exit explicitly: libraries (crawlee, pino transports) may leave timers that keep the process alive.
void main().then(async (code) => {
  await drained();
  process.exit(code);
});
