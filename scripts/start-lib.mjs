// Decisions behind `npm start`, kept free of side effects so tests can drive them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Splits our own flag (--web) from the arguments forwarded to the app (--port N, --host H, …). */
export function parseStartArgs(argv) {
  const forward = argv.filter((a) => a !== '--web');
  return { web: forward.length !== argv.length, forward };
}

/**
 * Where Electron's binary would be, without triggering the download that require('electron') attempts
 * when it is missing. Mirrors node_modules/electron/index.js. Returns null when it was never installed.
 */
export function locateElectron({ electronDir, readFile, env }) {
  let relative = null;
  try {
    relative = readFile(join(electronDir, 'path.txt')).trim() || null;
  } catch {
    relative = null;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
  return relative ? join(electronDir, 'dist', relative) : null;
}

/** Can Electron start here? {ok:true} or {ok:false, reason: 'not-downloaded' | 'no-display'}. */
export function electronAvailability({ electronPath, exists, env, platform }) {
  if (!electronPath || !exists(electronPath)) return { ok: false, reason: 'not-downloaded' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { ok: false, reason: 'no-display' };
  return { ok: true };
}

/** An Electron that dies within the grace period (and not because the user stopped it) never really started. */
export function electronFailedEarly({ code, signal, elapsedMs, stoppedByUser, graceMs = 5000 }) {
  if (stoppedByUser) return false;
  return elapsedMs < graceMs && (signal !== null || code !== 0);
}

/** One paragraph saying why the desktop window is not coming and what happens instead. */
export function fallbackMessage(reason, detail = '') {
  const why = {
    'not-downloaded':
      "Electron's binary is not installed: the electron package downloads it on first use, and this " +
      'machine could not fetch it (no internet?). To get the desktop app later, run `npx install-electron` ' +
      'with internet access, or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45.',
    'no-display':
      'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set, as in an SSH ' +
      'session or a container). Run it from a desktop session, or under `xvfb-run npm start`.',
    'electron-crashed': `Electron exited right after starting${detail ? ` (${detail})` : ''}; its own messages are above.`,
  }[reason];
  return (
    `Twinscape cannot open its desktop window: ${why ?? reason} ` +
    'Starting the web version instead: open the address printed below in a browser (Chromium or Firefox ' +
    'with WebGL). `npm run web` goes straight to web mode.'
  );
}

/** Newest modification time (ms) of any file under the given paths, skipping node_modules and dist. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name !== 'node_modules' && name !== 'dist' && !name.startsWith('.')) visit(join(p, name));
      }
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/** Rebuild when any output is missing (null) or older than the newest source. */
export function isBuildStale({ outputMtimes, newestSource }) {
  return outputMtimes.some((m) => m === null || m < newestSource);
}

/** Build outputs each mode needs. */
export function requiredOutputs(web) {
  const common = ['dist/renderer/index.html', 'dist/backend/web.cjs'];
  return web ? common : [...common, 'dist/backend/main.cjs', 'dist/backend/preload.cjs'];
}

export const SOURCE_PATHS = ['core', 'electron', 'renderer', 'package.json'];
