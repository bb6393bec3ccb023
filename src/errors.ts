/** Exit codes of the README, and the error type that carries one to the CLI's single exit point. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  partial: 3,
  /** `review --fail-on`: a finding at or above that severity. */
  findings: 4,
  locked: 75,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class StackradarError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'StackradarError';
  }
}

export class UsageError extends StackradarError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

export class LockedError extends StackradarError {
  constructor(message: string) {
    super(message, ExitCode.locked);
  }
}

/** A run stopped by SIGINT (exit 130) or SIGTERM (exit 143). */
export class InterruptedError extends StackradarError {
  constructor(signal: NodeJS.Signals, message = `interrupted by ${signal}`) {
    super(message, signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted);
    this.name = 'InterruptedError';
  }
}
