import path from 'node:path';
import { defaultDataDir } from './services/data-dir';
import { createTwinBackend } from './services/twin-backend';
import { checkRemoteExposure } from './web/remote-policy';
import { ensureSelfSignedCertificate } from './web/tls';
import { createAccessTokens } from './web/token';
import { parseWebOptions } from './web/web-options';
import { startWebServer } from './web/web-server';

/** Web mode: the same backend in plain Node, serving the renderer and the TwinApi over WebSocket. */
async function main(): Promise<void> {
  const options = parseWebOptions(process.argv.slice(2), process.env);
  checkRemoteExposure(options);
  const dataDir = defaultDataDir();
  const publicHosts = options.publicHosts ?? [];
  const tls = options.tls ? ensureSelfSignedCertificate(dataDir, [options.host, ...publicHosts]) : undefined;
  const backend = await createTwinBackend({
    host: 'web',
    dataDir,
    // Any page that reaches the socket can name a path: files are read and written only in <dataDir>/exchange.
    fileAccess: 'exchange-only',
    ...(options.assetPath ? { assetPath: path.resolve(options.assetPath) } : {}),
    ...(options.speed ? { speed: options.speed } : {}),
    connectionOverrides: options.connectionOverrides,
    backgroundAssetPaths: (options.moreAssetPaths ?? []).map((file) => path.resolve(file)),
  });
  const server = await startWebServer({
    backend,
    rendererDir: path.resolve(__dirname, '../renderer'),
    modelsDir: path.resolve(__dirname, '../../models'),
    host: options.host,
    port: options.port,
    access: { tokens: createAccessTokens(), publicHosts, ...(tls ? { tls } : {}) },
  });
  console.log(`Twinscape web mode is running at ${server.url}`);
  console.log(
    `Viewer address (can look, replay and run what-ifs; cannot change the plant): ${server.viewerUrl}`,
  );
  console.log('The addresses carry access tokens made new at every start: share the viewer one only.');
  if (tls)
    console.log(
      `TLS certificate ${tls.certFile}, SHA-256 fingerprint ${tls.fingerprint256} (compare it in the browser).`,
    );
  console.log(
    'Open it in Chromium or Chrome (WebGPU needs http://127.0.0.1, localhost or HTTPS). Ctrl+C stops it.',
  );
  const stop = async () => {
    await server.close();
    await backend.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE')
    console.error(`Twinscape: the port is already in use (${err.message}). Try --port 0 for any free port.`);
  else console.error(`Twinscape web mode failed to start: ${err.message}`);
  process.exit(1);
});
