import 'server-only';
import pino from 'pino';

// Structured logs on stdout. Personal data never belongs in a log line; the redaction below is the net
// that catches it if a caller passes an object carrying it anyway.
const personalFields = ['email', 'fullName', 'phone', 'password', 'birthYear', 'name', 'token', 'cookie', 'authorization'];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'bilingual-talent' },
  redact: {
    paths: [
      ...personalFields,
      ...personalFields.map((f) => `*.${f}`),
      ...personalFields.map((f) => `*.*.${f}`),
      'req.headers.cookie',
      'req.headers.authorization',
    ],
    censor: '[redacted]',
  },
});
