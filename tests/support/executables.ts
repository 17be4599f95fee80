import fs from 'node:fs';
import path from 'node:path';

/** Debian installs brokers under sbin, which a non-root PATH often lacks. */
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/opt/homebrew/sbin', '/usr/local/opt/mosquitto/sbin'];

/** Full path of an executable on PATH (or in the usual sbin folders), or null. */
export function findExecutable(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here; next folder
    }
  }
  return null;
}
