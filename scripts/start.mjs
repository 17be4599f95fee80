// `npm start`: build if needed, open the Electron app, or fall back to web mode when Electron cannot run.
// `npm run web` (or `npm start -- --web`) skips Electron. Other arguments go to the app: --port N, --host H,
// --allow-remote, --tls, --behind-proxy, --public-host H (docs/web-mode-security.md). Web mode prints its address
// with the operator's access token (?token=…) and the viewer's: open the first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SOURCE_PATHS,
  electronAvailability,
  electronFailedEarly,
  fallbackMessage,
  isBuildStale,
  locateElectron,
  newestMtime,
  parseStartArgs,
  requiredOutputs,
} from './start-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { web, forward } = parseStartArgs(process.argv.slice(2));

let child = null;
let stoppedByUser = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stoppedByUser = true;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(130);
  });
}

/** Runs a command with our terminal; resolves with how and when it ended. */
function run(command, args, options = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', (error) => resolve({ code: 1, signal: null, elapsedMs: Date.now() - started, error }));
    child.on('exit', (code, signal) => resolve({ code, signal, elapsedMs: Date.now() - started }));
  }).finally(() => {
    child = null;
  });
}

const exitWith = (r) => process.exit(r.code ?? (stoppedByUser ? 0 : 1));

function mtimeOrNull(path) {
  try {
    return statSync(join(root, path)).mtimeMs;
  } catch {
    return null;
  }
}

async function buildIfNeeded() {
  const outputMtimes = requiredOutputs(web).map(mtimeOrNull);
  const newestSource = newestMtime(SOURCE_PATHS.map((p) => join(root, p)));
  if (!isBuildStale({ outputMtimes, newestSource })) return;
  console.log('Twinscape: building (dist/ is missing or older than the sources)…');
  const r = await run('npm', ['run', 'build'], { shell: process.platform === 'win32' });
  if (r.code !== 0) exitWith(r);
  if (stoppedByUser) process.exit(130);
}

async function startWeb() {
  exitWith(await run(process.execPath, [join(root, 'dist/backend/web.cjs'), ...forward]));
}

async function startElectron() {
  const electronPath = locateElectron({
    electronDir: join(root, 'node_modules/electron'),
    readFile: (p) => readFileSync(p, 'utf8'),
    env: process.env,
  });
  const available = electronAvailability({
    electronPath,
    exists: existsSync,
    env: process.env,
    platform: process.platform,
  });
  if (!available.ok) {
    console.warn(`\n${fallbackMessage(available.reason)}\n`);
    return startWeb();
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const r = await run(electronPath, ['.', ...forward], { env });
  if (electronFailedEarly({ ...r, stoppedByUser })) {
    const detail = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit code ${r.code}`;
    console.warn(`\n${fallbackMessage('electron-crashed', detail)}\n`);
    return startWeb();
  }
  exitWith(r);
}

await buildIfNeeded();
await (web ? startWeb() : startElectron());
