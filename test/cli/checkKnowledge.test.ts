/** The article checker is meant for an HR team's own CI: its exit code is the contract. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { SHARED_KNOWLEDGE } from '../support/paths.js';

const TSX = resolve(PROJECT_ROOT, 'node_modules/.bin/tsx');
const CHECK = resolve(PROJECT_ROOT, 'src/cli/checkKnowledge.ts');
/** Each check spawns tsx (1–3 s here): on a machine busy with other test files, more than vitest's default 5 s. */
const SPAWN_TIMEOUT_MS = 30_000;

function check(args: string[]) {
  const result = spawnSync(TSX, [CHECK, ...args], { encoding: 'utf8', cwd: PROJECT_ROOT, env: { ...process.env, KNOWLEDGE_DIR: '' } });
  return { status: result.status, stdout: result.stdout };
}

describe('npm run check:knowledge', () => {
  it('passes on the project knowledge, whatever articles the HR team added', () => {
    const { status, stdout } = check([]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/\d+ articles? servis?, \d+ doutes?, 0 fichier ignoré\./);
  }, SPAWN_TIMEOUT_MS);

  it('says what it understood of an article', () => {
    const { stdout } = check(['--knowledge', SHARED_KNOWLEDGE]);
    expect(stdout).toContain('rôle « Chef de produit digital » (chef-de-produit-digital) — aussi : « Chef de produit numérique »');
  }, SPAWN_TIMEOUT_MS);

  it('fails when a file cannot be served, and names it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'check-cli-'));
    cpSync(SHARED_KNOWLEDGE, folder, { recursive: true });
    writeFileSync(join(folder, 'brouillon.txt'), 'Différences entre un A et un B\n\n  • une puce avant tout titre\n');
    const { status, stdout } = check(['--knowledge', folder]);
    expect(status).toBe(1);
    expect(stdout).toContain(`✘ ${join(folder, 'brouillon.txt')}:1 :`);
  }, SPAWN_TIMEOUT_MS);

  it('fails on doubts with --strict', () => {
    const folder = mkdtempSync(join(tmpdir(), 'check-cli-'));
    writeFileSync(join(folder, 'bar.md'), '# Différences entre un Serveur et un Barman\n\n## Missions\n\n**Serveur**\n- Servir\n\n**Plongeur**\n- Laver\n\n**Barman**\n- Cocktails\n');
    expect(check(['--knowledge', folder]).status).toBe(0);
    expect(check(['--knowledge', folder, '--strict']).status).toBe(1);
  }, SPAWN_TIMEOUT_MS);
});
