/**
 * Memory stays bounded however many people open the web chat: 100,000 conversations, one question
 * each, opened through the web channel of one bot in memory mode (the default storage), in a child
 * process of their own so that its RSS is the bot's alone. The SDK's MemoryStorage grew by about
 * 5 KB a conversation for ever (157 → 676 MB for 100,000); the bounded storage keeps the last 10,000
 * and the process stays under 250 MB after a GC. Takes a few minutes on two busy cores.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/projectRoot.js';

const CONVERSATIONS = 100_000;
/** The bound stated in issue 9 for RSS after a full GC. */
const RSS_BOUND_MB = 250;

interface Measure {
  rssMb: number;
  heapUsedMb: number;
}

describe('the memory of a bot in memory mode', () => {
  it(`stays under ${RSS_BOUND_MB} MB of RSS after ${CONVERSATIONS.toLocaleString('en')} conversations through the web channel`, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/channels/support/openConversations.ts', String(CONVERSATIONS)],
      { cwd: PROJECT_ROOT, timeout: 900_000, maxBuffer: 1024 * 1024 },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      before: Measure;
      after: Measure;
      storedStates: number;
      followUp: boolean;
      seconds: number;
    };
    console.info(`memory bound: ${JSON.stringify(result)}`);
    expect(result.after.rssMb).toBeLessThan(RSS_BOUND_MB);
    // The heap holds the last conversations only: a few kB each, not 100,000 of them.
    expect(result.storedStates).toBeLessThanOrEqual(CONFIG_DEFAULTS.stateMaxConversations);
    expect(result.after.heapUsedMb - result.before.heapUsedMb).toBeLessThan(60);
    // And what is kept still works: the latest conversation's follow-up is understood.
    expect(result.followUp).toBe(true);
  }, 900_000);
});
