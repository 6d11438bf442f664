#!/usr/bin/env node
/**
 * Builds the Teams app package to sideload: appPackage/build/appPackage.zip, holding manifest.json
 * (with `${{NAME}}` placeholders filled from the environment or .env) and the two icons.
 * BOT_ID defaults to the SDK's connections__serviceConnection__settings__clientId (the Azure Bot's
 * app id); TEAMS_APP_ID defaults to BOT_ID. Run: npm run package:teams
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

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

/** A ZIP archive (deflated entries, all at the root, as Teams expects). */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // 1980-01-01 00:00: a fixed date makes the archive reproducible.
  const dosTime = 0;
  const dosDate = (1 << 5) | 1;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = deflateRawSync(content, { level: 9 });
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const manifest = fillManifest(readFileSync(new URL('manifest.json', APP_PACKAGE), 'utf8'), placeholderValues());
const files = [['manifest.json', Buffer.from(manifest, 'utf8')], ...Object.entries(ICONS).map(([name, size]) => [name, readIcon(name, size)])];
mkdirSync(BUILD, { recursive: true });
writeFileSync(new URL('manifest.json', BUILD), manifest);
writeFileSync(new URL('appPackage.zip', BUILD), zip(files));
console.log('appPackage/build/appPackage.zip written: upload it in Teams (Apps → Manage your apps → Upload an app)');
