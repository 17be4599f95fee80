import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  electronAvailability,
  electronFailedEarly,
  fallbackMessage,
  isBuildStale,
  locateElectron,
  newestMtime,
  parseStartArgs,
  requiredOutputs,
} from '../../scripts/start-lib.mjs';

describe('parseStartArgs', () => {
  it('takes --web for itself and forwards the rest', () => {
    expect(parseStartArgs(['--port', '9000', '--web', '--host', '0.0.0.0'])).toEqual({
      web: true,
      forward: ['--port', '9000', '--host', '0.0.0.0'],
    });
    expect(parseStartArgs([])).toEqual({ web: false, forward: [] });
  });
});

describe('locateElectron', () => {
  const noFile = () => {
    throw new Error('ENOENT');
  };
  it('is null when the binary was never downloaded (no path.txt)', () => {
    expect(locateElectron({ electronDir: '/nm/electron', readFile: noFile, env: {} })).toBeNull();
  });
  it('reads path.txt like electron/index.js does, without downloading', () => {
    expect(locateElectron({ electronDir: '/nm/electron', readFile: () => 'electron\n', env: {} })).toBe(
      join('/nm/electron', 'dist', 'electron'),
    );
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(
      locateElectron({
        electronDir: '/nm/electron',
        readFile: noFile,
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
      }),
    ).toBe(join('/opt/e', 'electron'));
  });
});

describe('electronAvailability', () => {
  const exists = (p: string) => p === '/e/electron';
  it('reports a missing binary', () => {
    expect(electronAvailability({ electronPath: null, exists, env: {}, platform: 'linux' })).toEqual({
      ok: false,
      reason: 'not-downloaded',
    });
    expect(
      electronAvailability({
        electronPath: '/nowhere/electron',
        exists,
        env: { DISPLAY: ':0' },
        platform: 'linux',
      }),
    ).toEqual({ ok: false, reason: 'not-downloaded' });
  });
  it('needs a display on Linux, X11 or Wayland', () => {
    const base = { electronPath: '/e/electron', exists, platform: 'linux' };
    expect(electronAvailability({ ...base, env: {} })).toEqual({ ok: false, reason: 'no-display' });
    expect(electronAvailability({ ...base, env: { DISPLAY: ':0' } })).toEqual({ ok: true });
    expect(electronAvailability({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ ok: true });
  });
  it('does not ask for DISPLAY on Windows or macOS', () => {
    for (const platform of ['win32', 'darwin']) {
      expect(electronAvailability({ electronPath: '/e/electron', exists, env: {}, platform })).toEqual({
        ok: true,
      });
    }
  });
});

describe('electronFailedEarly', () => {
  it('falls back when Electron dies within the grace period', () => {
    expect(electronFailedEarly({ code: 1, signal: null, elapsedMs: 800, stoppedByUser: false })).toBe(true);
    expect(electronFailedEarly({ code: null, signal: 'SIGSEGV', elapsedMs: 800, stoppedByUser: false })).toBe(
      true,
    );
  });
  it('does not fall back after a normal run, a late failure, or Ctrl-C', () => {
    expect(electronFailedEarly({ code: 0, signal: null, elapsedMs: 800, stoppedByUser: false })).toBe(false);
    expect(electronFailedEarly({ code: 1, signal: null, elapsedMs: 60_000, stoppedByUser: false })).toBe(
      false,
    );
    expect(electronFailedEarly({ code: null, signal: 'SIGINT', elapsedMs: 800, stoppedByUser: true })).toBe(
      false,
    );
  });
});

describe('fallbackMessage', () => {
  it('explains each reason in one paragraph and says web mode follows', () => {
    for (const reason of ['not-downloaded', 'no-display', 'electron-crashed'] as const) {
      const text = fallbackMessage(reason, 'exit code 1');
      expect(text).not.toContain('\n');
      expect(text).toMatch(/web version/);
    }
    expect(fallbackMessage('not-downloaded')).toMatch(/binary is not installed/);
    expect(fallbackMessage('no-display')).toMatch(/DISPLAY/);
    expect(fallbackMessage('electron-crashed', 'exit code 1')).toMatch(/exit code 1/);
  });
});

describe('build staleness', () => {
  it('rebuilds when an output is missing or older than the newest source', () => {
    expect(isBuildStale({ outputMtimes: [null, 10], newestSource: 5 })).toBe(true);
    expect(isBuildStale({ outputMtimes: [4, 10], newestSource: 5 })).toBe(true);
    expect(isBuildStale({ outputMtimes: [6, 10], newestSource: 5 })).toBe(false);
  });
  it('web mode needs fewer outputs than the desktop app', () => {
    expect(requiredOutputs(true)).not.toContain('dist/backend/preload.cjs');
    expect(requiredOutputs(false)).toContain('dist/backend/preload.cjs');
  });
  it('finds the newest source file, ignoring node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinscape-start-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'src', 'a.ts'), '');
    writeFileSync(join(dir, 'node_modules', 'b.js'), '');
    utimesSync(join(dir, 'src', 'a.ts'), 1000, 1000);
    utimesSync(join(dir, 'node_modules', 'b.js'), 2000, 2000);
    expect(newestMtime([dir, join(dir, 'missing')])).toBe(1_000_000);
  });
});
