/**
 * Where 👍/👎 votes go: kept in memory by default, appended to a JSON Lines file when configured,
 * so the HR team can see which answers did not help.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * One vote on one answer: what was answered (article, section, roles) and the ids to find the turn
 * again, not the question text, which the conversation state no longer keeps (privacy).
 */
export interface FeedbackEntry {
  /** ISO date of the click. */
  at: string;
  vote: 'up' | 'down';
  answerId: string;
  questionId: string;
  /** What was rated; null (like article, section) when the answer is too old to be remembered. */
  answerKind: string | null;
  article: string | null;
  section: string | null;
  roles: string[];
  conversationId: string;
  channelId: string;
}

/** Records votes; implementations must not throw for an ordinary write. */
export interface FeedbackStore {
  record(entry: FeedbackEntry): Promise<void>;
}

/** The last votes in this process's memory (bounded, oldest dropped first). */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly kept: FeedbackEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  async record(entry: FeedbackEntry): Promise<void> {
    this.kept.push(entry);
    if (this.kept.length > this.capacity) this.kept.splice(0, this.kept.length - this.capacity);
  }

  /** The votes kept, oldest first. */
  get entries(): readonly FeedbackEntry[] {
    return this.kept;
  }
}

/** Appends one JSON object per line to a file (created with its folder if missing). */
export class FileFeedbackStore implements FeedbackStore {
  private ready: Promise<unknown> | undefined;
  /** Appends are chained so lines never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  record(entry: FeedbackEntry): Promise<void> {
    this.ready ??= mkdir(dirname(this.file), { recursive: true });
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.queue.then(async () => {
      await this.ready;
      await appendFile(this.file, line, 'utf8');
    });
    // A failed append is reported to its caller but does not block the next ones.
    this.queue = write.catch(() => undefined);
    return write;
  }
}

/** The feedback store for a configuration: a file when a path is given, memory otherwise. */
export function createFeedbackStore(file: string | undefined): FeedbackStore {
  return file ? new FileFeedbackStore(file) : new MemoryFeedbackStore();
}
