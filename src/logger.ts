/** The one pino logger: JSON lines on stderr, pretty when stderr is a terminal. Tokens are redacted. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  const options = {
    level,
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
  };
  if (process.stderr.isTTY) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } },
    });
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}
