/**
 * The process logger: pino, level from config. Two formats: JSON lines (levels as words, ISO times)
 * for log stores and pipes, and pino-pretty's readable lines for a person at a terminal. `auto`
 * (the default) picks readable when stdout is a TTY, JSON otherwise.
 * Modules get this logger (or a child of it) from the composition root; none creates its own.
 *
 * Every string field logged is cleaned first (see {@link cleanForLog}): ids, paths, host names and
 * questions come from clients, and a bidi override or a line break in them could make a log line
 * read differently from what was sent.
 */
import { createRequire } from 'node:module';
import { pino, stdTimeFunctions, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

/** What the logger needs from the configuration. */
export type LoggerConfig = Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>;

/** The format `auto` resolves to for a given stdout. */
export function resolveLogFormat(format: Config['logFormat'], isTty: boolean | undefined): 'json' | 'pretty' {
  if (format === 'auto') return isTty ? 'pretty' : 'json';
  return format;
}

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

/** Field cleaning, in both formats. */
const cleaning = {
  // The base fields; a child's own fields skip this formatter in pino: clean them with cleanForLog.
  bindings: (bindings: Record<string, unknown>) => cleanForLog(bindings) as Record<string, unknown>,
  // Each line's own fields.
  log: (fields: Record<string, unknown>) => cleanForLog(fields) as Record<string, unknown>,
};

/**
 * Creates the process logger; tests pass a destination stream to read the lines back. Lines go to
 * stdout synchronously: the log is quiet by default, and the last lines before an exit (a shutdown,
 * a fatal error) must not be lost in a buffer.
 */
export function createLogger({ logLevel, logFormat = 'auto' }: LoggerConfig, destination?: DestinationStream): Logger {
  const base: LoggerOptions = { level: logLevel, base: { pid: process.pid } };
  if (resolveLogFormat(logFormat, destination ? false : process.stdout.isTTY) === 'pretty') {
    // Synchronous pretty stream (no worker thread): a log line is on screen before the next one.
    // Loaded only here: a server writing JSON lines never pays for it at start-up.
    const { PinoPretty } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    const pretty = PinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: true,
      sync: true,
      destination: destination ?? 1,
    });
    return pino({ ...base, formatters: cleaning }, pretty);
  }
  const json: LoggerOptions = {
    ...base,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }), ...cleaning },
  };
  return pino(json, destination ?? pino.destination({ dest: 1, sync: true }));
}
