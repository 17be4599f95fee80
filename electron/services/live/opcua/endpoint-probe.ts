import { connect } from 'node:net';

/** Host and port of an opc.tcp:// endpoint (4840 when the URL names none). */
export function endpointAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url.replace(/^opc\.tcp:/i, 'http:'));
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : 4840 };
}

/**
 * Why an endpoint cannot be reached, in plain words. node-opcua's retry events carry no error, so when it
 * backs off we open (and at once close) a plain TCP connection to tell "nothing listening" from "no answer".
 */
export function probeEndpoint(url: string, timeoutMs: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(`stopped while checking ${url}`);
      return;
    }
    const { host, port } = endpointAddress(url);
    const socket = connect({ host, port });
    const finish = (reason: string) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(reason);
    };
    const onAbort = () => finish(`stopped while checking ${url}`);
    const timer = setTimeout(
      () => finish(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`),
      timeoutMs,
    );
    signal.addEventListener('abort', onAbort);
    socket.once('connect', () => finish(`${url} accepts connections but the OPC UA handshake failed`));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (code === 'ECONNREFUSED') finish(`nothing is listening at ${url} (connection refused)`);
      else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        finish(`the host "${host}" of ${url} is unknown`);
      else if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
        finish(`${url} cannot be reached from here`);
      else finish(`cannot reach ${url} (${code || error.message})`);
    });
  });
}
