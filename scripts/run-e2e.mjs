// Builds the app, then runs the end-to-end tests against web mode in Debian's Chromium.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
