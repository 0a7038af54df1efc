import pino from 'pino';

/** One JSON line per event, with the process name; requests add their id (and tenant where known). */
export const createLogger = (name: string, level = process.env.LOG_LEVEL ?? 'info') =>
  pino({ name, level, base: { process: name }, timestamp: pino.stdTimeFunctions.isoTime });
