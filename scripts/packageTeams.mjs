#!/usr/bin/env node
/**
 * Builds the Teams app package to sideload: appPackage/build/appPackage.zip, holding manifest.json
 * (with `${{NAME}}` placeholders filled from the environment or .env) and the two icons.
 * BOT_ID defaults to the SDK's connections__serviceConnection__settings__clientId (the Azure Bot's
 * app id); TEAMS_APP_ID defaults to BOT_ID. Run: npm run package:teams
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';

const APP_PACKAGE = new URL('../appPackage/', import.meta.url);
const BUILD = new URL('build/', APP_PACKAGE);
const ENV_FILE = new URL('../.env', import.meta.url);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ICONS = { 'color.png': 192, 'outline.png': 32 };

function fail(message) {
  console.error(`package:teams: ${message}`);
  process.exit(1);
}

/** The values of the placeholders, from the environment (a .env file beside package.json is read too). */
function placeholderValues() {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const botId = process.env.BOT_ID || process.env.connections__serviceConnection__settings__clientId;
  if (!botId) {
    fail('set connections__serviceConnection__settings__clientId (the Azure Bot app id) in the environment or in .env');
  }
  const values = { BOT_ID: botId, TEAMS_APP_ID: process.env.TEAMS_APP_ID || botId };
  for (const [name, value] of Object.entries(values)) {
    if (!GUID.test(value)) fail(`${name} must be a GUID, got "${value}"`);
  }
  return values;
}

/** Fills `${{NAME}}` placeholders; an unknown one stops the build. */
function fillManifest(template, values) {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_whole, name) => {
    if (!(name in values)) fail(`manifest.json uses \${{${name}}}, which has no value`);
    return values[name];
  });
  const manifest = JSON.parse(filled);
  for (const field of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor', 'bots']) {
    if (!(field in manifest)) fail(`manifest.json has no "${field}"`);
  }
  if (manifest.name.short.length > 30) fail('name.short is longer than 30 characters');
  if (manifest.description.short.length > 80) fail('description.short is longer than 80 characters');
  return filled;
}

/** Checks an icon is a PNG of the size Teams requires. */
function readIcon(name, size) {
  const png = readFileSync(new URL(name, APP_PACKAGE));
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

const manifest = fillManifest(readFileSync(new URL('manifest.json', APP_PACKAGE), 'utf8'), placeholderValues());
const files = [['manifest.json', Buffer.from(manifest, 'utf8')], ...Object.entries(ICONS).map(([name, size]) => [name, readIcon(name, size)])];
mkdirSync(BUILD, { recursive: true });
writeFileSync(new URL('manifest.json', BUILD), manifest);
writeFileSync(new URL('appPackage.zip', BUILD), zip(files));
console.log('appPackage/build/appPackage.zip written: upload it in Teams (Apps → Manage your apps → Upload an app)');
