import WebSocket from 'ws';

/** Calls TwinApi methods over the web-mode WebSocket, as the renderer does (tests only). */
export async function callBackend(
  baseUrl: string,
  calls: { method: string; payload: unknown }[],
): Promise<unknown[]> {
  const url = new URL('api', baseUrl.replace(/^http/, 'ws'));
  // The printed address carries the access token (`?token=…`); the API wants it too.
  url.search = new URL(baseUrl).search;
  const socket = new WebSocket(url, { origin: new URL(baseUrl).origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const results: unknown[] = [];
  try {
    for (const [id, call] of calls.entries()) {
      socket.send(JSON.stringify({ id, method: call.method, payload: call.payload }));
      results.push(
        await new Promise((resolve) => {
          const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
            if (isBinary) return; // telemetry frames
            const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: unknown };
            if (message.kind === 'result' && message.id === id) {
              socket.off('message', onMessage);
              resolve(message.result);
            }
          };
          socket.on('message', onMessage);
        }),
      );
    }
  } finally {
    socket.close();
  }
  return results;
}

/** Puts the shared backend in a known state: no trainer scenario, fresh simulator, running at 10×. */
export async function resetBackend(baseUrl: string): Promise<void> {
  await callBackend(baseUrl, [
    { method: 'trainerCommand', payload: { kind: 'stop' } },
    { method: 'simCommand', payload: { kind: 'reset' } },
    { method: 'simCommand', payload: { kind: 'run' } },
    { method: 'simCommand', payload: { kind: 'speed', speed: 10 } },
  ]);
}
