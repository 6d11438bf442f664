/**
 * Opt-in reload of the knowledge folder (KNOWLEDGE_WATCH=1). A change to an article or to the lexicon
 * loads the whole folder again, in the background; the result replaces the current one only if it
 * loaded. A file with a mistake is logged as `file:line: problem` and the last good version keeps
 * answering, so a half-finished edit never takes the bot down.
 *
 * Generic over what is loaded (the composition root passes `loadEngine`), so this module does not
 * depend on the answering engine that sits further down the pipeline.
 */
import { watch, type FSWatcher } from 'node:fs';
import { KnowledgeFileError } from '../errors.js';
import { isKnowledgeFile } from './loadKnowledge.js';

/** The two logging methods the watcher needs; a pino logger fits as is. */
export interface WatchLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Defaults of {@link watchKnowledge}. */
export const KNOWLEDGE_WATCH_DEFAULTS = Object.freeze({
  /**
   * Quiet time after the last change before reloading: an editor's save is often several events
   * (truncate, write, rename), and copying a folder is many; they become one reload.
   */
  debounceMs: 200,
});

/** Log messages of the watcher, kept together so tests can match them. */
export const KNOWLEDGE_WATCH_MESSAGES = Object.freeze({
  watching: 'Watching the knowledge folder: added or edited files are reloaded',
  reloaded: 'Knowledge reloaded: new questions are answered from it',
  kept: 'knowledge not reloaded, the last good version keeps answering',
  skipped: 'file skipped: the other articles keep answering',
  failed: 'Knowledge reload failed: the last good version keeps answering',
  watchStopped: 'Knowledge folder no longer watched: restart the bot to pick up further changes',
});

/** Logs each file a load left out, with its `file:line` problem (the same line at start-up and on reload). */
export function logSkippedFiles(skipped: readonly KnowledgeFileError[], logger: WatchLogger): void {
  for (const error of skipped) logger.error({ file: error.file, line: error.line, problem: error.problem }, `${error.message} (${KNOWLEDGE_WATCH_MESSAGES.skipped})`);
}

/** Options of {@link watchKnowledge}. */
export interface WatchKnowledgeOptions<Loaded extends { skipped?: readonly KnowledgeFileError[] }> {
  /** The knowledge folder (its files, not sub-folders, are what the loader reads). */
  directory: string;
  /** Loads the folder; throws (a KnowledgeFileError for a bad file) when it cannot be used. */
  load: () => Loaded | Promise<Loaded>;
  /** Receives each successful load; the caller swaps it in for the next turns. */
  onLoad: (loaded: Loaded) => void;
  logger: WatchLogger;
  debounceMs?: number;
}

/** A running watch; `close()` stops it (a reload under way finishes but is not handed over). */
export interface KnowledgeWatcher {
  close(): void;
}

/**
 * Watches `directory` and reloads after each burst of changes to knowledge files. At most one load
 * runs at a time; changes made during a load trigger one more load after it.
 */
export function watchKnowledge<Loaded extends { skipped?: readonly KnowledgeFileError[] }>(options: WatchKnowledgeOptions<Loaded>): KnowledgeWatcher {
  const { directory, load, onLoad, logger, debounceMs = KNOWLEDGE_WATCH_DEFAULTS.debounceMs } = options;
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  let changedWhileLoading = false;
  let closed = false;

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
    // The HTTP server keeps the process alive, not a pending reload.
    timer.unref();
  };

  const reload = async (): Promise<void> => {
    timer = undefined;
    if (loading) {
      changedWhileLoading = true;
      return;
    }
    loading = true;
    try {
      const loaded = await load();
      if (!closed) {
        onLoad(loaded);
        logger.info({ directory }, KNOWLEDGE_WATCH_MESSAGES.reloaded);
        logSkippedFiles(loaded.skipped ?? [], logger);
      }
    } catch (error) {
      if (error instanceof KnowledgeFileError) {
        logger.error({ file: error.file, line: error.line, problem: error.problem }, `${error.message} (${KNOWLEDGE_WATCH_MESSAGES.kept})`);
      } else {
        logger.error({ err: error, directory }, KNOWLEDGE_WATCH_MESSAGES.failed);
      }
    } finally {
      loading = false;
      if (changedWhileLoading) {
        changedWhileLoading = false;
        schedule();
      }
    }
  };

  let watcher: FSWatcher;
  try {
    // fs.watch on the folder itself sees files created, written, renamed (an editor's atomic save)
    // and deleted; the loader reads no sub-folder, so no recursive watch is needed.
    watcher = watch(directory, { persistent: false }, (_event, filename) => {
      // Editors' swap and backup files (.x.swp, x~, 4913) are not knowledge; no name means "something changed".
      if (filename && !isKnowledgeFile(filename.toString())) return;
      schedule();
    });
  } catch (error) {
    throw new KnowledgeFileError(directory, 0, `le dossier de connaissances ne peut pas être surveillé (${error instanceof Error ? error.message : String(error)})`);
  }
  watcher.on('error', (error) => {
    // e.g. the folder itself was deleted or moved: the last loaded version keeps answering.
    logger.error({ err: error, directory }, KNOWLEDGE_WATCH_MESSAGES.watchStopped);
    watcher.close();
  });
  logger.info({ directory, debounceMs }, KNOWLEDGE_WATCH_MESSAGES.watching);

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
