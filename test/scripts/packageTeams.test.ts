/**
 * `npm run package:teams`: the package it writes (always into a temporary folder here, never into
 * appPackage/build/ where the docs point), its manifest checked against Microsoft's official JSON
 * schema for its manifestVersion, offline, from @microsoft/app-manifest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const PUBLIC = {
  BOT_ENDPOINT: 'https://assistant-rh.azurewebsites.net',
  DEVELOPER_WEBSITE_URL: 'https://rh.entreprise.fr/assistant',
  PRIVACY_URL: 'https://rh.entreprise.fr/confidentialite',
  TERMS_OF_USE_URL: 'https://rh.entreprise.fr/conditions',
};
/** The environment minus anything a developer's shell could set for the script. */
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^(connections__|BOT_|TEAMS_APP_ID$|TEAMSFX_ENV$|APP_|ACCENT_COLOR$|DEVELOPER_|PRIVACY_URL$|TERMS_OF_USE_URL$)/i.test(key),
  ),
);
const outputs = mkdtempSync(join(tmpdir(), 'assistant-rh-package-'));
const startedAt = Date.now();

afterAll(() => {
  rmSync(outputs, { recursive: true, force: true });
});

/** Runs the script with these variables (and no .env), writing into a fresh temporary folder. */
function packageTeams(env: Record<string, string>, name = 'appPackage.zip') {
  const out = join(mkdtempSync(join(outputs, 'run-')), name);
  const result = spawnSync(process.execPath, ['scripts/packageTeams.mjs', '--no-dotenv', '--out', out], {
    cwd: root,
    env: { ...cleanEnv, ...env },
    encoding: 'utf8',
  });
  return { ...result, out };
}

/** Reads every entry of a ZIP archive (fflate, the library the packaging script writes it with). */
function unzip(file: string): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(file)))).map(([name, data]) => [name, Buffer.from(data)]));
}

/** Microsoft's schema for a manifest version, as @microsoft/app-manifest ships it. */
function teamsSchema(version: string): object {
  const folder = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  return JSON.parse(readFileSync(join(folder, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
}

/** Schema errors of a manifest (draft-04, the schema's own dialect). */
function schemaErrors(manifest: Record<string, any>): string[] {
  // CommonJS packages: under NodeNext their classes are the `default` of module.exports.
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false });
  ajvFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(teamsSchema(manifest.manifestVersion));
  return validate(manifest) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('npm run package:teams with a client id and a public URL from the environment', () => {
  let run: ReturnType<typeof packageTeams>;
  let entries: Map<string, Buffer>;
  let manifest: Record<string, any>;
  beforeAll(() => {
    run = packageTeams({ connections__serviceConnection__settings__clientId: BOT_ID, ...PUBLIC });
    entries = unzip(run.out);
    manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  });

  it('zips the manifest and the two icons at the root', () => {
    expect(run.status).toBe(0);
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(pngSize(entries.get('color.png')!)).toEqual([192, 192]);
    expect(pngSize(entries.get('outline.png')!)).toEqual([32, 32]);
  });

  it('writes a manifest that validates against the official schema of its manifestVersion', () => {
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('fills every placeholder: ids from the client id, the domain from the public URL, pages and texts from configuration', () => {
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['assistant-rh.azurewebsites.net']);
    expect(manifest.developer).toMatchObject({ websiteUrl: PUBLIC.DEVELOPER_WEBSITE_URL, privacyUrl: PUBLIC.PRIVACY_URL });
    expect(manifest.name.short).toBe('Assistant RH');
    expect(manifest.description.short).not.toMatch(/chef de produit/i);
  });

  it('leaves no example.com and prints no warning', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/example\.(com|org|net)/);
    expect(run.stderr).toBe('');
  });
});

describe('npm run package:teams', () => {
  it('warns about each placeholder URL, naming the key to set, and still writes the package', () => {
    const run = packageTeams({ connections__serviceConnection__settings__clientId: BOT_ID });
    expect(run.status).toBe(0);
    for (const key of ['DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL']) {
      expect(run.stderr).toMatch(new RegExp(`warning: .*example\\.com.*set ${key}`));
    }
    const manifest = JSON.parse(unzip(run.out).get('manifest.json')!.toString('utf8'));
    expect(schemaErrors(manifest)).toEqual([]);
    expect(manifest.validDomains).toEqual([]);
  });

  it('takes the name, descriptions and colour from configuration, escaped for JSON', () => {
    const run = packageTeams({
      BOT_ID,
      TEAMS_APP_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      APP_NAME_SHORT: 'RH "Contoso"',
      APP_DESCRIPTION_SHORT: 'Les métiers de Contoso, expliqués.',
      ACCENT_COLOR: '#0F6CBD',
      ...PUBLIC,
    });
    expect(run.status).toBe(0);
    const manifest = JSON.parse(unzip(run.out).get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      name: { short: 'RH "Contoso"' },
      description: { short: 'Les métiers de Contoso, expliqués.' },
      accentColor: '#0F6CBD',
    });
    expect(manifest.bots[0].botId).toBe(BOT_ID);
  });

  it('stops when the manifest breaks the schema, saying where', () => {
    const run = packageTeams({ BOT_ID, ...PUBLIC, APP_NAME_SHORT: 'Un nom bien trop long pour Teams, qui en refuse plus de 30' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/name/short');
  });

  it('stops with a clear message when no bot id is configured', () => {
    const run = packageTeams({});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('connections__serviceConnection__settings__clientId');
  });

  it('never writes into appPackage/build/, where the docs point, during the tests', () => {
    let modified = 0;
    try {
      modified = statSync(join(root, 'appPackage', 'build', 'appPackage.zip')).mtimeMs;
    } catch {
      // no package there at all
    }
    expect(modified).toBeLessThan(startedAt);
  });

  it('ships icons Teams accepts: a 192×192 colour icon and a white-on-transparent 32×32 outline', () => {
    expect(pngSize(readFileSync(`${root}appPackage/color.png`))).toEqual([192, 192]);
    const outline = readFileSync(`${root}appPackage/outline.png`);
    expect(pngSize(outline)).toEqual([32, 32]);
    expect(outline[25]).toBe(6); // colour type RGBA: the background is transparent
  });
});

describe('the Agents Toolkit layout', () => {
  it('has m365agents.yml, m365agents.local.yml and env/.env.dev, and the manifest uses only keys they or the script define', () => {
    const template = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
    const keys = new Set([...template.matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1]!));
    const devEnv = readFileSync(join(root, 'env', '.env.dev'), 'utf8');
    for (const key of keys) expect(devEnv).toMatch(new RegExp(`^${key}=`, 'm'));
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      expect(readFileSync(join(root, file), 'utf8')).toContain('scripts/packageTeams.mjs');
    }
  });
});
