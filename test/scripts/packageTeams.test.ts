import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(connections__|BOT_ID$|TEAMS_APP_ID$)/i.test(key)),
);

/** Reads every entry of a ZIP archive (fflate, the library the packaging script writes it with). */
function unzip(archive: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(archive))).map(([name, data]) => [name, Buffer.from(data)]));
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('npm run package:teams', () => {
  it('zips the manifest, with the bot id from the environment, and the two icons at the root', () => {
    execFileSync(process.execPath, ['scripts/packageTeams.mjs'], {
      cwd: root,
      env: { ...cleanEnv, connections__serviceConnection__settings__clientId: BOT_ID },
      stdio: 'pipe',
    });
    const entries = unzip(readFileSync(`${root}appPackage/build/appPackage.zip`));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.$schema).toContain('/v1.22/');
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(pngSize(entries.get('color.png')!)).toEqual([192, 192]);
    expect(pngSize(entries.get('outline.png')!)).toEqual([32, 32]);
  });

  it('stops with a clear message when no bot id is configured', () => {
    const result = spawnSync(process.execPath, ['scripts/packageTeams.mjs'], { cwd: root, env: cleanEnv, encoding: 'utf8' });
    if (result.status === 0) return; // a developer's .env provides the id: nothing to check here
    expect(result.stderr).toContain('connections__serviceConnection__settings__clientId');
  });

  it('ships icons Teams accepts: a 192×192 colour icon and a white-on-transparent 32×32 outline', () => {
    expect(pngSize(readFileSync(`${root}appPackage/color.png`))).toEqual([192, 192]);
    const outline = readFileSync(`${root}appPackage/outline.png`);
    expect(pngSize(outline)).toEqual([32, 32]);
    expect(outline[25]).toBe(6); // colour type RGBA: the background is transparent
  });
});
