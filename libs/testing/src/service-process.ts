import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Starts a service's built entry (`dist/apps/<service>/src/main.js`, built by the e2e global setup)
 * as a real process, for what only a process shows: exit codes, signals, a kill between two steps.
 */
export function spawnService(service: string, env: Record<string, string>, entry = 'main'): ServiceProcess {
  const root = path.resolve(__dirname, '../../..');
  const child = spawn(process.execPath, [path.join(root, 'dist/apps', service, 'src', `${entry}.js`)], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, output: () => output, exited };
}
