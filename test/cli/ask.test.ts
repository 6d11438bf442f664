/** The ask CLI is a contract other tools rely on: exercised as a real child process. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { SECOND_KNOWLEDGE, SHARED_KNOWLEDGE } from '../support/paths.js';

/** What `npm run ask` runs: the compiled CLI, built first when a source is newer than the build. */
const RUNNER = resolve(PROJECT_ROOT, 'scripts/cli.mjs');
/** The first call may compile src/ on a busy 2-core machine. */
const FIRST_CALL_TIMEOUT_MS = 180_000;

function ask(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [RUNNER, 'ask', ...args], { input, encoding: 'utf8', cwd: PROJECT_ROOT, env: { ...process.env, KNOWLEDGE_DIR: SHARED_KNOWLEDGE } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ask', () => {
  beforeAll(() => {
    ask(['--json', 'bonjour']);
  }, FIRST_CALL_TIMEOUT_MS);

  it('prints the French answer', () => {
    const { status, stdout } = ask(['Quelles sont les compétences du CPD ?']);
    expect(status).toBe(0);
    expect(stdout).toContain('• Analyse de données');
  });

  it('prints one JSON object with --json', () => {
    const { stdout } = ask(['--json', 'Compare les KPI']);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['kind', 'article', 'section', 'roles', 'confidence', 'text', 'why']);
    expect(answer).toMatchObject({ kind: 'comparison', section: 'objectifs-et-indicateurs-de-succes' });
  });

  it('answers JSON lines in order, one per line, sharing context per conversation, with an error line for bad input', () => {
    const input = [
      { conversation: 'a', text: 'Quelles sont les compétences du CPD ?' },
      { conversation: 'b', text: 'Quel salaire pour un CPM ?' },
      'pas du json',
      { conversation: 'a', text: 'Et pour le marketing ?' },
      { conversation: 'b', text: null },
      [1, 2],
    ].map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
    const { status, stdout } = ask(['--jsonl'], `${input}\n`);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.kind)).toEqual(['list', 'fallback', 'error', 'list', 'error', 'error']);
    expect(lines[3]).toMatchObject({ section: 'les-competences-requises', roles: ['chef-de-produit-marketing'] });
  });

  it('prints only JSON lines through `npm run -s ask -- --jsonl`, as the README shows (npm adds no banner)', () => {
    const input = `${JSON.stringify({ conversation: 'a', text: 'Quelles sont les compétences du CPD ?' })}\n`;
    const result = spawnSync('npm', ['run', '-s', 'ask', '--', '--jsonl'], {
      input,
      encoding: 'utf8',
      cwd: PROJECT_ROOT,
      env: { ...process.env, KNOWLEDGE_DIR: '' },
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'list' });
  });

  it('reads another knowledge folder with --knowledge', () => {
    const { stdout } = ask(['--json', '--knowledge', SECOND_KNOWLEDGE, 'Quel salaire pour un responsable RP ?']);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'list', section: 'salaire-et-evolution', roles: ['responsable-des-relations-publiques'] });
  });

  it.each([
    ['nothing', ''],
    ['emoji', '😀😀'],
    ['a script tag', '<script>alert(1)</script>'],
    ['10,000 characters', 'x'.repeat(10_000)],
  ])('exits 0 with a polite answer for %s', (_name, question) => {
    const { status, stdout } = ask(['--json', question]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).kind).toBe('fallback');
  });

  it('stops with file:line when a knowledge file is malformed', () => {
    const { status, stderr } = ask(['--knowledge', resolve(PROJECT_ROOT, 'test/fixtures/malformed'), 'bonjour']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/malformed\/article\.txt:1: /);
  });
});
