import type { ConnectionDefinition } from '../../../core/asset/sources-schema';

/**
 * Where connection passwords come from. Never the asset file, never logs: web mode reads the environment
 * variable the file names; the desktop app keeps them encrypted with Electron's safeStorage.
 */
export interface SecretStore {
  readonly kind: 'environment' | 'safe-storage';
  get(assetId: string, connection: ConnectionDefinition): string | undefined;
  /** Keeps a password (desktop only); throws naming why it cannot. */
  set(assetId: string, connectionId: string, password: string): void;
}

/** Web mode: passwords from the environment variables the asset file names (`passwordEnv`). */
export function environmentSecrets(env: Record<string, string | undefined> = process.env): SecretStore {
  return {
    kind: 'environment',
    get: (_assetId, connection) => (connection.passwordEnv ? env[connection.passwordEnv] : undefined),
    set: (_assetId, connectionId) => {
      throw new Error(
        `web mode keeps no passwords: set the environment variable named by connection "${connectionId}"'s passwordEnv before starting`,
      );
    },
  };
}
