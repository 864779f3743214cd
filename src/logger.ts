import { pino, type DestinationStream, type Logger } from 'pino';

/** Structured JSON logs; credentials are removed before a line is written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie', '*.password_hash', '*.secret_hash', 'databaseUrl', 'config.database.url'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
