/**
 * The process logger: pino, one JSON object per line, level from config. Levels are written as
 * words ("info") and times as ISO strings, so log lines read the same in a terminal and a log store.
 * Modules get this logger (or a child of it) from the composition root; none creates its own.
 *
 * Every string field logged is cleaned first (see {@link cleanForLog}): ids, paths, host names and
 * questions come from clients, and a bidi override or a line break in them could make a log line
 * read differently from what was sent.
 */
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/** What the logger needs from the configuration. */
export type LoggerConfig = Pick<Config, 'logLevel'>;

/**
 * Characters that never reach a log line: C0 and C1 controls (line breaks included), bidi
 * embeddings, overrides, isolates and marks, zero-width characters and the BOM, and the halves
 * of surrogate pairs that have lost their other half.
 */
const UNLOGGABLE =
  /[\u0000-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Longest string written to a log line; a longer one is cut with a marker saying how long it was. */
export const MAX_LOGGED_STRING = 2_000;

/** How deep nested objects are cleaned (log fields are flat; this only stops pathological input). */
const MAX_DEPTH = 6;

/**
 * A value as it may be logged: strings without invisible or control characters and cut to
 * {@link MAX_LOGGED_STRING}, arrays and plain objects cleaned inside; errors and other objects as
 * they are (pino's serializers handle them).
 */
export function cleanForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const clean = value.replace(UNLOGGABLE, '');
    return clean.length > MAX_LOGGED_STRING ? `${clean.slice(0, MAX_LOGGED_STRING)}… (${clean.length} characters)` : clean;
  }
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => cleanForLog(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanForLog(item, depth + 1)]));
}

/**
 * Creates the process logger; tests pass a destination stream to read the lines back. Lines go to
 * stdout synchronously: the log is quiet by default, and the last lines before an exit (a shutdown,
 * a fatal error) must not be lost in a buffer.
 */
export function createLogger({ logLevel }: LoggerConfig, destination?: DestinationStream): Logger {
  const options = {
    level: logLevel,
    base: { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      // The base fields; a child's own fields skip this formatter in pino: clean them with cleanForLog.
      bindings: (bindings: Record<string, unknown>) => cleanForLog(bindings) as Record<string, unknown>,
      // Each line's own fields.
      log: (fields: Record<string, unknown>) => cleanForLog(fields) as Record<string, unknown>,
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
