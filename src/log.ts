// Structured logs (pino, JSON lines on stderr); request lines carry the request id.

import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level = "info"): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}

/** A logger that drops everything, for tests and tools. */
export const silentLogger: Logger = pino({ level: "silent" });
