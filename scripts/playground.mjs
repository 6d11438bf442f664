#!/usr/bin/env node
/**
 * `npm run playground`: the Microsoft 365 Agents Playground against the local bot, on the port the bot
 * listens on (PORT from the environment or .env, 3978 by default). Extra arguments go to the Playground.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const envFile = new URL('../.env', import.meta.url);
if (existsSync(envFile)) process.loadEnvFile(envFile);
const port = process.env.PORT || '3978';
const endpoint = `http://localhost:${port}/api/messages`;

const packageJson = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json');
const { bin } = createRequire(import.meta.url)('@microsoft/m365agentsplayground/package.json');
const cli = join(dirname(packageJson), typeof bin === 'string' ? bin : Object.values(bin)[0]);
console.error(`Agents Playground → ${endpoint}`);
const child = spawn(process.execPath, [cli, '--app-endpoint', endpoint, '--channel-id', 'msteams', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
