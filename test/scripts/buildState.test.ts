import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../scripts/buildState.mjs';

/** A folder with a source file and a build stamp, dated `sourceAt` and `builtAt` (seconds). */
function project(sourceAt: number, builtAt: number | null) {
  const root = mkdtempSync(join(tmpdir(), 'build-state-'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  const source = join(root, 'src', 'cli', 'ask.ts');
  writeFileSync(source, 'export {};\n');
  utimesSync(source, sourceAt, sourceAt);
  const stamp = join(root, '.tsbuildinfo');
  if (builtAt !== null) {
    writeFileSync(stamp, '{}');
    utimesSync(stamp, builtAt, builtAt);
  }
  return { src: join(root, 'src'), stamp };
}

describe('whether the CLIs must be compiled before they run', () => {
  it('builds when there is no build yet', () => {
    const { src, stamp } = project(1_000, null);
    expect(isStale(stamp, [src])).toBe(true);
  });

  it('builds when a source, however deep, is newer than the build', () => {
    const { src, stamp } = project(2_000, 1_000);
    expect(isStale(stamp, [src])).toBe(true);
  });

  it('runs the build as it is when every source is older', () => {
    const { src, stamp } = project(1_000, 2_000);
    expect(isStale(stamp, [src])).toBe(false);
  });
});
