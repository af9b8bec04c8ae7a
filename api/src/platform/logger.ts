import pino from 'pino';

/** JSON logs. Secrets are redacted by path wherever they might appear. */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password', '*.password', '*.newPassword', '*.oldPassword', 'req.headers.authorization', 'req.headers.cookie',
        '*.refreshToken', '*.accessToken', '*.token', '*.idNumber', '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
