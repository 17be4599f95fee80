import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let server: ChildProcess | null = null;
let dataDir: string | null = null;

/** Starts the built web-mode server on a free port and hands its URL to the tests. */
export async function setup(project: TestProject): Promise<void> {
  const entry = path.resolve('dist/backend/web.cjs');
  if (!existsSync(entry)) throw new Error('dist/backend/web.cjs is missing: run `npm run build` first');
  // A fresh data folder: the history store and settings of a test run never mix with the user's.
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-e2e-'));
  server = spawn(process.execPath, [entry, '--port', '0', '--speed', '10'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TWINSCAPE_DATA_DIR: dataDir },
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('web-mode server did not print its URL within 20 s')),
      20_000,
    );
    server?.stdout?.on('data', (chunk: Buffer) => {
      // The printed address carries the operator's access token (?token=…); pages and API calls use it.
      const match = /running at (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server?.once('exit', (code) => reject(new Error(`web-mode server exited early with code ${code}`)));
  });
  project.provide('baseUrl', url);
  // Web mode reads and writes files only here (created by the server at start).
  project.provide('exchangeDir', path.join(dataDir, 'exchange'));
}

export async function teardown(): Promise<void> {
  server?.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    exchangeDir: string;
  }
}
