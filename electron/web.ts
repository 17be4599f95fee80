import path from 'node:path';
import { createTwinBackend } from './services/twin-backend';
import { parseWebOptions } from './web/web-options';
import { startWebServer } from './web/web-server';

/** Web mode: the same backend in plain Node, serving the renderer and the TwinApi over WebSocket. */
async function main(): Promise<void> {
  const options = parseWebOptions(process.argv.slice(2), process.env);
  const backend = await createTwinBackend({
    host: 'web',
    // Any page that reaches the socket can name a path: files are read and written only in <dataDir>/exchange.
    fileAccess: 'exchange-only',
    ...(options.assetPath ? { assetPath: path.resolve(options.assetPath) } : {}),
    ...(options.speed ? { speed: options.speed } : {}),
  });
  const server = await startWebServer({
    backend,
    rendererDir: path.resolve(__dirname, '../renderer'),
    modelsDir: path.resolve(__dirname, '../../models'),
    host: options.host,
    port: options.port,
  });
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1')
    console.warn(
      `Warning: listening on ${options.host}, reachable from other machines. The API has no authentication.`,
    );
  console.log(`Twinscape web mode is running at ${server.url}`);
  console.log('Open it in Chromium or Chrome (WebGPU needs http://127.0.0.1 or localhost). Ctrl+C stops it.');
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
