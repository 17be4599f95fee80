import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { DebugLogger } from 'builder-util';

const projectDir = fileURLToPath(new URL('../../..', import.meta.url));

/** electron-builder.yml as `npm run dist` reads it, with electron-builder's own loader. */
async function readPackagingConfig(): Promise<Configuration> {
  const read = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null },
    'electron-builder.yml',
  );
  if (!read) throw new Error('electron-builder.yml not found');
  return read.result;
}

describe('packaged binary fuses (electron-builder.yml)', () => {
  it('turns off every way to run the app binary as a general-purpose Node or debug target', async () => {
    const fuses = (await readPackagingConfig()).electronFuses;
    // ELECTRON_RUN_AS_NODE=1 twinscape script.js, NODE_OPTIONS=--require, --inspect/SIGUSR1: all refused.
    expect(fuses?.runAsNode).toBe(false);
    expect(fuses?.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses?.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads code only from an integrity-checked app.asar and encrypts cookies', async () => {
    const fuses = (await readPackagingConfig()).electronFuses;
    expect(fuses?.onlyLoadAppFromAsar).toBe(true);
    expect(fuses?.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses?.enableCookieEncryption).toBe(true);
    expect(fuses?.grantFileProtocolExtraPrivileges).toBe(false);
    expect(fuses?.loadBrowserProcessSpecificV8Snapshot).toBe(false);
  });

  it('passes electron-builder 26 schema validation, so no fuse name is misspelled and ignored', async () => {
    const config = await readPackagingConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelled = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validateConfiguration(misspelled, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });
});
