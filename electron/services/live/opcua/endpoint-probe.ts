import { connect } from 'node:net';
import { said, type Said } from '../../../../core/text/phrase';

/** Host and port of an opc.tcp:// endpoint (4840 when the URL names none). */
export function endpointAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url.replace(/^opc\.tcp:/i, 'http:'));
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : 4840 };
}

/**
 * Why an endpoint cannot be reached, in plain words. node-opcua's retry events carry no error, so when it
 * backs off we open (and at once close) a plain TCP connection to tell "nothing listening" from "no answer".
 */
export function probeEndpoint(url: string, timeoutMs: number, signal: AbortSignal): Promise<Said> {
  const stopped = () => said('probeStopped', { url }, `stopped while checking ${url}`);
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(stopped());
      return;
    }
    const { host, port } = endpointAddress(url);
    const socket = connect({ host, port });
    const finish = (reason: Said) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(reason);
    };
    const onAbort = () => finish(stopped());
    const seconds = Math.round(timeoutMs / 1000);
    const timer = setTimeout(
      () => finish(said('probeNoAnswer', { url, seconds }, `${url} did not answer within ${seconds} s`)),
      timeoutMs,
    );
    signal.addEventListener('abort', onAbort);
    socket.once('connect', () =>
      finish(said('handshakeFailed', { url }, `${url} accepts connections but the OPC UA handshake failed`)),
    );
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (code === 'ECONNREFUSED')
        finish(said('connectionRefused', { url }, `nothing is listening at ${url} (connection refused)`));
      else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        finish(said('hostUnknown', { url }, `the host "${host}" of ${url} is unknown`));
      else if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
        finish(said('unreachable', { url }, `${url} cannot be reached from here`));
      else {
        const detail = code || error.message;
        finish(said('connectionError', { url, detail }, `cannot reach ${url} (${detail})`));
      }
    });
  });
}
