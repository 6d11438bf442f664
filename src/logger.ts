/**
 * The process logger: pino, level from config. Two formats: JSON lines (levels as words, ISO times)
 * for log stores and pipes, and pino-pretty's readable lines for a person at a terminal. `auto`
 * (the default) picks readable when stdout is a TTY, JSON otherwise.
 * Modules get this logger (or a child of it) from the composition root; none creates its own.
 */
import { pino, stdTimeFunctions, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { Config } from './config.js';

/** What the logger needs from the configuration. */
export type LoggerConfig = Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>;

/** The format `auto` resolves to for a given stdout. */
export function resolveLogFormat(format: Config['logFormat'], isTty: boolean | undefined): 'json' | 'pretty' {
  if (format === 'auto') return isTty ? 'pretty' : 'json';
  return format;
}

/** Creates the process logger; tests pass a destination stream to read the lines back. */
export function createLogger({ logLevel, logFormat = 'auto' }: LoggerConfig, destination?: DestinationStream): Logger {
  const base: LoggerOptions = { level: logLevel, base: { pid: process.pid } };
  if (resolveLogFormat(logFormat, destination ? false : process.stdout.isTTY) === 'pretty') {
    // Synchronous pretty stream (no worker thread): a log line is on screen before the next one.
    const pretty = PinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: true,
      sync: true,
      destination: destination ?? 1,
    });
    return pino(base, pretty);
  }
  const json: LoggerOptions = {
    ...base,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(json, destination) : pino(json);
}
