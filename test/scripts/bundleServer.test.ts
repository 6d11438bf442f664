import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/bundleServer.mjs';
import { BUNDLE_BANNER } from '../../scripts/buildState.mjs';

/** The packages (node_modules/<name>) whose code sits in the given outputs. */
function packagesIn(metafile: Metafile, outputs: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const output of outputs) {
    for (const input of Object.keys(metafile.outputs[output]?.inputs ?? {})) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match?.[1]) packages.add(match[1]);
    }
  }
  return packages;
}

/** The entry output and every chunk it imports statically: what Node loads before the server runs. */
function loadedAtStart(metafile: Metafile): Set<string> {
  const entry = Object.keys(metafile.outputs).find((output) => metafile.outputs[output]?.entryPoint === 'src/index.ts');
  const loaded = new Set<string>();
  const visit = (output: string) => {
    if (loaded.has(output)) return;
    loaded.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  if (entry) visit(entry);
  return loaded;
}

describe('the server bundle', () => {
  let metafile: Metafile;
  let entryText = '';

  beforeAll(async () => {
    const result = await build({ ...bundleOptions, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
    metafile = result.metafile;
    entryText = result.outputFiles.find((file) => file.path.endsWith('/dist/index.js'))?.text ?? '';
  }, 60_000);

  it('is written to dist/index.js, starting with the banner npm start recognises', () => {
    expect(entryText.startsWith(BUNDLE_BANNER)).toBe(true);
  });

  it('loads at start-up what the first answer needs: the Agents SDK, Express, the Markdown reader', () => {
    const packages = packagesIn(metafile, loadedAtStart(metafile));
    expect(packages).toContain('@microsoft/agents-hosting');
    expect(packages).toContain('express');
    expect(packages).toContain('mdast-util-from-markdown');
  });

  it('leaves Redis, PostgreSQL, the insights database and the OpenID client to chunks loaded when used', () => {
    const packages = packagesIn(metafile, loadedAtStart(metafile));
    for (const lazy of ['redis', '@redis/client', 'pg', 'kysely', 'openid-client', 'pino-pretty']) {
      expect(packages, `${lazy} is loaded before the server starts`).not.toContain(lazy);
    }
    const everything = packagesIn(metafile, Object.keys(metafile.outputs));
    for (const chunked of ['@redis/client', 'pg', 'kysely', 'openid-client']) expect(everything).toContain(chunked);
  });

  it('keeps the native SQLite addon out of the bundle, loaded from node_modules', () => {
    expect(packagesIn(metafile, Object.keys(metafile.outputs))).not.toContain('better-sqlite3');
  });
});
