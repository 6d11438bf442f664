#!/usr/bin/env node
/**
 * Builds the Teams app package to sideload or upload: a ZIP holding manifest.json (its `${{NAME}}`
 * placeholders filled) and the two icons, plus the filled manifest.json beside it.
 *
 * Values, first found wins: the process environment, the project's .env, env/.env.<env> (the
 * Microsoft 365 Agents Toolkit's environment file, `dev` by default), then env/.env.dev, which holds
 * the app's name, descriptions, colour and developer pages. BOT_ID defaults to the SDK's
 * connections__serviceConnection__settings__clientId (the Azure Bot's app id); TEAMS_APP_ID to BOT_ID;
 * BOT_DOMAIN to the host of BOT_ENDPOINT. The filled manifest must validate against Microsoft's
 * JSON schema for its manifestVersion (shipped in @microsoft/app-manifest). URLs still pointing at
 * a placeholder host (example.com…) are reported as warnings on stderr.
 *
 * Run: npm run package:teams [-- --env NAME] [--out FILE.zip] [--no-dotenv]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const APP_PACKAGE = join(ROOT, 'appPackage');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
const ICONS = { 'color.png': 192, 'outline.png': 32 };
/** Hosts that stand for "not set yet": reserved example domains and this machine. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|localhost|127\.0\.0\.1|contoso\.com)$/i;

const { values: options } = parseArgs({
  options: {
    env: { type: 'string', default: process.env.TEAMSFX_ENV || 'dev' },
    out: { type: 'string', default: join(APP_PACKAGE, 'build', 'appPackage.zip') },
    'no-dotenv': { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(`package:teams: ${message}`);
  process.exit(1);
}

function warn(message) {
  console.error(`package:teams: warning: ${message}`);
}

/** The key/value pairs of an env file, or none when it does not exist. */
function readEnvFile(file) {
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}

/** Every placeholder value, from the sources in order of precedence (empty values do not count). */
function placeholderValues() {
  const sources = [
    process.env,
    options['no-dotenv'] ? {} : readEnvFile(join(ROOT, '.env')),
    readEnvFile(join(ROOT, 'env', `.env.${options.env}`)),
    readEnvFile(join(ROOT, 'env', '.env.dev')),
  ];
  const value = (name) => sources.map((source) => source[name]).find((candidate) => candidate !== undefined && candidate.trim() !== '');
  const botId = value('BOT_ID') ?? value('connections__serviceConnection__settings__clientId');
  if (!botId) fail('set BOT_ID or connections__serviceConnection__settings__clientId (the Azure Bot app id) in the environment or in .env');
  const teamsAppId = value('TEAMS_APP_ID') ?? botId;
  for (const [name, id] of Object.entries({ BOT_ID: botId, TEAMS_APP_ID: teamsAppId })) {
    if (!GUID.test(id)) fail(`${name} must be a GUID, got "${id}"`);
  }
  const endpoint = value('BOT_ENDPOINT');
  const domain = value('BOT_DOMAIN') ?? (endpoint ? hostOf(endpoint, 'BOT_ENDPOINT') : '');
  const accent = value('ACCENT_COLOR');
  if (accent && !HEX_COLOUR.test(accent)) fail(`ACCENT_COLOR must be a colour like #464EB8, got "${accent}"`);
  return { value, fixed: { BOT_ID: botId, TEAMS_APP_ID: teamsAppId, BOT_DOMAIN: domain, APP_NAME_SUFFIX: value('APP_NAME_SUFFIX') ?? '' } };
}

function hostOf(url, name) {
  try {
    return new URL(url).host;
  } catch {
    return fail(`${name} must be a URL, got "${url}"`);
  }
}

/** Fills `${{NAME}}` placeholders (JSON-escaped); an unknown one stops the build, naming the key. */
function fillManifest(template, { value: lookup, fixed }) {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_whole, name) => {
    const value = name in fixed ? fixed[name] : lookup(name);
    if (value === undefined) fail(`manifest.json uses \${{${name}}}: set ${name} in the environment, .env or env/.env.${options.env}`);
    return JSON.stringify(value).slice(1, -1);
  });
  const manifest = JSON.parse(filled);
  // Without a public URL there is no domain to list.
  manifest.validDomains = (manifest.validDomains ?? []).filter((domain) => domain !== '');
  return manifest;
}

/** Every http(s) URL of the filled manifest: its JSON path, the URL, and what the template had there. */
function urlsOf(node, template, path = '') {
  if (typeof node === 'string') return /^https?:\/\//i.test(node) ? [{ path, url: node, template: String(template ?? '') }] : [];
  if (Array.isArray(node)) return node.flatMap((child, index) => urlsOf(child, template?.[index], `${path}[${index}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) =>
      key === '$schema' ? [] : urlsOf(child, template?.[key], path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** Schema errors of the manifest, against Microsoft's schema for its manifestVersion. */
function schemaErrors(manifest) {
  const require = createRequire(import.meta.url);
  const schemaFile = join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    `v${manifest.manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(schemaFile)) fail(`no Teams schema for manifestVersion ${manifest.manifestVersion} in @microsoft/app-manifest`);
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  return validate(manifest) ? [] : validate.errors.map((error) => `${error.instancePath || '/'} ${error.message}`);
}

/** Checks an icon is a PNG of the size Teams requires. */
function readIcon(name, size) {
  const png = readFileSync(join(APP_PACKAGE, name));
  const isPng = png.subarray(1, 4).toString('ascii') === 'PNG';
  if (!isPng || png.readUInt32BE(16) !== size || png.readUInt32BE(20) !== size) {
    fail(`${name} must be a ${size}×${size} PNG (npm run icons draws it)`);
  }
  return png;
}

/** A ZIP archive (deflated entries, all at the root, as Teams expects), written by fflate. */
function zip(files) {
  // 1980-01-01: a fixed date makes the archive reproducible.
  const mtime = new Date(1980, 0, 1);
  return Buffer.from(zipSync(Object.fromEntries(files.map(([name, content]) => [name, [new Uint8Array(content), { level: 9, mtime }]]))));
}

const template = readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8');
const manifest = fillManifest(template, placeholderValues());
const errors = schemaErrors(manifest);
if (errors.length > 0) fail(`the manifest does not follow the Teams schema v${manifest.manifestVersion}:\n  ${errors.join('\n  ')}`);
for (const { path, url, template: source } of urlsOf(manifest, JSON.parse(template))) {
  if (!PLACEHOLDER_HOST.test(new URL(url).hostname)) continue;
  const key = /\$\{\{(\w+)\}\}/.exec(source)?.[1];
  warn(`${path} is a placeholder URL (${url}): set ${key ?? 'it'} to your company's page before publishing`);
}

const json = `${JSON.stringify(manifest, null, 2)}\n`;
const files = [['manifest.json', Buffer.from(json, 'utf8')], ...Object.entries(ICONS).map(([name, size]) => [name, readIcon(name, size)])];
const out = resolve(options.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(join(dirname(out), 'manifest.json'), json);
writeFileSync(out, zip(files));
console.log(`${out} written: upload it in Teams (Apps → Manage your apps → Upload an app)`);
