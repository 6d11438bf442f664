/**
 * The process logger: pino, one JSON object per line, level from config. Levels are written as
 * words ("info") and times as ISO strings, so log lines read the same in a terminal and a log store.
 * Modules get this logger (or a child of it) from the composition root; none creates its own.
 */
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/** What the logger needs from the configuration. */
export type LoggerConfig = Pick<Config, 'logLevel'>;

/** Creates the process logger; tests pass a destination stream to read the lines back. */
export function createLogger({ logLevel }: LoggerConfig, destination?: DestinationStream): Logger {
  const options = {
    level: logLevel,
    base: { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
