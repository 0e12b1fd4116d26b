import pino, { Logger } from 'pino';

/** Structured JSON logs (one object a line), ready for any log shipper. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'workforce-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
