import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** Whether the Debian `redis-server` binary is on the PATH (CI installs it; a laptop may not). */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A loopback TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** A throwaway `redis-server` without persistence, on loopback, that tests can kill, freeze and restart. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts (or restarts) the server on the same port and waits until it accepts connections. */
  start(): Promise<void>;
  /** Kills the server (SIGKILL, as a crash would) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing answers. */
  pause(): void;
  /** Unfreezes a paused server. */
  resume(): void;
}

/** Starts a `redis-server` on a free loopback port with `--save '' --appendonly no`. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const chosenPort = port ?? (await freePort());
  let child: ChildProcess | undefined;

  const server: RedisServer = {
    port: chosenPort,
    url: `redis://127.0.0.1:${chosenPort}`,
    async start() {
      if (child) return;
      const started = spawn(
        'redis-server',
        ['--port', String(chosenPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${chosenPort}:\n${output}`)), 5_000);
        started.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
        started.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        started.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited with ${code}:\n${output}`));
        });
      });
      // Keep draining its output so the pipe never fills up.
      started.stdout?.resume();
      started.stderr?.resume();
    },
    async kill() {
      const running = child;
      if (!running) return;
      child = undefined;
      if (running.exitCode === null && running.signalCode === null) {
        running.kill('SIGCONT');
        running.kill('SIGKILL');
        await once(running, 'exit');
      }
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
  };

  await server.start();
  return server;
}
