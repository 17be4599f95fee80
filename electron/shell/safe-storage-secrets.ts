import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../services/live/secrets';

/** The part of Electron's safeStorage used here (passed in, so the store is testable without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

type SecretFile = Record<string, string>;

/**
 * Desktop: connection passwords encrypted with the OS keychain (safeStorage), kept base64 in
 * `<userData>/connection-secrets.json` under "<asset>/<connection>"; the environment variable the asset file
 * names is the fallback.
 */
export function safeStorageSecrets(
  safeStorage: SafeStorageLike,
  userDataDir: string,
  env: Record<string, string | undefined> = process.env,
): SecretStore {
  const file = path.join(userDataDir, 'connection-secrets.json');
  const read = (): SecretFile => {
    if (!existsSync(file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as SecretFile) : {};
    } catch {
      return {};
    }
  };
  return {
    kind: 'safe-storage',
    get(assetId, connection) {
      const stored = read()[`${assetId}/${connection.id}`];
      if (stored !== undefined && safeStorage.isEncryptionAvailable()) {
        try {
          return safeStorage.decryptString(Buffer.from(stored, 'base64'));
        } catch {
          // Encrypted by another user or machine: fall back to the environment.
        }
      }
      return connection.passwordEnv ? env[connection.passwordEnv] : undefined;
    },
    set(assetId, connectionId, password) {
      if (!safeStorage.isEncryptionAvailable())
        throw new Error(
          "this system offers no encrypted storage for passwords (no keychain): set the environment variable named by the connection's passwordEnv instead",
        );
      const secrets = read();
      secrets[`${assetId}/${connectionId}`] = safeStorage.encryptString(password).toString('base64');
      mkdirSync(userDataDir, { recursive: true });
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
      renameSync(tmp, file);
    },
  };
}
