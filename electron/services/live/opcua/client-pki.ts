import path from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';

/** Folder, under the app's data folder, of the OPC UA client certificate and the trusted/rejected server ones. */
export const clientPkiFolder = (dataDir: string): string => path.join(dataDir, 'opcua-pki');

/**
 * The client's certificate manager. node-opcua creates Twinscape's self-signed application certificate in
 * `own/` on first connect. Unknown server certificates are never accepted on their own: they land in
 * `rejected/` until the user trusts them (moved to `trusted/certs`).
 */
export async function openClientPki(dataDir: string): Promise<OPCUACertificateManager> {
  const manager = new OPCUACertificateManager({
    rootFolder: clientPkiFolder(dataDir),
    automaticallyAcceptUnknownCertificate: false,
    // One manager per connection, re-read at each start: no watchers to leak.
    disableFileWatchers: true,
  });
  await manager.initialize();
  return manager;
}

/** Where node-opcua keeps Twinscape's client certificate (what a server administrator must trust). */
export const clientCertificateFile = (manager: OPCUACertificateManager): string =>
  path.join(manager.rootDir, 'own', 'certs', 'client_certificate.pem');
