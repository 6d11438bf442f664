/**
 * The deployment kit, read as files (no Docker engine runs here; CI runs the build script itself and
 * starts the pruned build from the files the Dockerfile copies: scripts/checkProduction.mjs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/projectRoot.js';

const read = (file: string) => readFileSync(`${PROJECT_ROOT}/${file}`, 'utf8');
const dockerfile = read('Dockerfile');
/** The Dockerfile's instructions of its last stage. */
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('the production build script', () => {
  it('installs the lockfile, builds, then prunes the dev dependencies', () => {
    const steps = read('scripts/buildProduction.sh')
      .split('\n')
      .filter((line) => line.startsWith('npm '));
    expect(steps).toEqual(['npm ci --no-audit --no-fund', 'npm run build', 'npm prune --omit=dev --no-audit --no-fund']);
  });
});

describe('the Dockerfile', () => {
  it('builds with that same script, on Debian-based Node 20', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN .*sh scripts\/buildProduction\.sh$/m);
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
  });

  it('runs node dist/index.js in production mode as a non-root user, with a HEALTHCHECK on /healthz', () => {
    expect(runtimeStage).toMatch(/ENV NODE_ENV=production/);
    expect(runtimeStage).toMatch(/^USER node$/m);
    expect(runtimeStage).toMatch(/^HEALTHCHECK [^]*?\/healthz/m);
    expect(runtimeStage).toMatch(/^CMD \["node", "dist\/index\.js"\]$/m);
    expect(runtimeStage).not.toMatch(/^RUN /m);
  });

  it('is not sent secrets or installed files by docker build', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.env', '.git']) expect(ignored).toContain(entry);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, Record<string, any>> };

  it('runs the bot from the Dockerfile with Redis for conversation state', () => {
    expect(Object.keys(compose.services)).toEqual(['bot', 'redis']);
    expect(compose.services.bot).toMatchObject({ build: '.', environment: { REDIS_URL: 'redis://redis:6379' } });
    expect(compose.services.bot!.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    expect(compose.services.redis!.image).toMatch(/^redis:/);
  });

  it('keeps a PostgreSQL service ready to uncomment for the HR insights', () => {
    expect(read('compose.yaml')).toMatch(/^ {2}# postgres:$/m);
  });
});

describe('the Agents Toolkit files', () => {
  it.each(['m365agents.yml', 'm365agents.local.yml'])('%s provisions the Teams app, the Entra app and the Azure Bot', (file) => {
    const project = parse(read(file)) as { version: string; provision: { uses: string }[] };
    expect(project.version).toBe('v1.9');
    expect(project.provision.map((step) => step.uses)).toEqual(
      expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'botFramework/create', 'script', 'teamsApp/update']),
    );
  });

  it('deploys with the production build script', () => {
    const project = parse(read('m365agents.yml')) as { deploy: { uses: string; with: { run?: string } }[] };
    expect(project.deploy[0]).toMatchObject({ uses: 'script', with: { run: 'sh scripts/buildProduction.sh' } });
  });
});
