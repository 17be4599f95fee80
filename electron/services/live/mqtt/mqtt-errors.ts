// MQTT library and socket errors → plain words that name the broker (and the CA file for TLS trouble).

export interface MqttFailure {
  message: string;
  /** Retrying cannot help (wrong password, not authorised, banned…): the user must change something first. */
  final: boolean;
}

export interface BrokerPlace {
  url: string;
  /** The CA file as the asset names it, when it has one. */
  caFile?: string | undefined;
}

/** The broker address as shown to people: a "user:password@" written into the URL is left out. */
export function addressWithoutCredentials(url: string): string {
  return url.replace(/^(mqtts?:\/\/)[^@/]*@/, '$1');
}

/** CONNACK return codes of MQTT 3.1.1, and reason codes of MQTT 5 (CONNACK, DISCONNECT, PUBACK, SUBACK). */
const REASONS: Readonly<Record<number, string>> = {
  1: 'it does not accept this MQTT protocol version',
  2: 'client id not accepted',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorised',
  128: 'unspecified error',
  129: 'malformed packet',
  130: 'protocol error',
  131: 'refused by the broker’s own rules (implementation specific error)',
  132: 'it does not accept this MQTT protocol version',
  133: 'client id not accepted',
  134: 'bad user name or password',
  135: 'not authorised',
  136: 'server unavailable',
  137: 'server busy',
  138: 'this client is banned',
  139: 'server shutting down',
  140: 'bad authentication method',
  141: 'keep alive timeout',
  142: 'another client connected with the same client id (session taken over)',
  143: 'topic filter not accepted',
  144: 'topic name not accepted',
  149: 'packet too large',
  151: 'quota exceeded',
  153: 'payload format invalid',
  156: 'use another server',
  157: 'server moved',
  159: 'connection rate exceeded',
};

/** Refusals that come back the same on every try. */
const FINAL_CODES = new Set([1, 2, 4, 5, 132, 133, 134, 135, 138, 140]);

/** What an MQTT reason code means, in words ("reason 151" when unknown). */
export function reasonInWords(code: number): string {
  return REASONS[code] ?? `reason code ${code}`;
}

const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
]);

function tlsProblem(code: string, error: Error, { url, caFile }: BrokerPlace): string | null {
  const certificate = `the certificate of broker ${url}`;
  if (UNTRUSTED_CERTIFICATE.has(code))
    return caFile
      ? `${certificate} is not signed by the CA in ${caFile}`
      : `${certificate} is not signed by a CA this computer trusts; set caFile to the CA that signed it`;
  if (code === 'CERT_HAS_EXPIRED') return `${certificate} has expired`;
  if (code === 'CERT_NOT_YET_VALID') return `${certificate} is not valid yet (check the clocks)`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `${certificate} is not made out for the host in the address (${error.message})`;
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_'))
    return `TLS with broker ${url} failed: ${error.message}`;
  return null;
}

function socketProblem(code: string, error: Error, { url }: BrokerPlace): string | null {
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing is listening at ${url} (connection refused)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${url} was not found (DNS: ${code})`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `broker ${url} cannot be reached (${code})`;
    case 'ECONNRESET':
      return url.startsWith('mqtt:')
        ? `broker ${url} reset the connection (if the port expects TLS, use mqtts://)`
        : `broker ${url} reset the connection`;
    case 'EPIPE':
      return `broker ${url} closed the connection`;
    default:
      return code.startsWith('E') && /^E[A-Z]+$/.test(code) ? `broker ${url}: ${error.message}` : null;
  }
}

/** An error mqtt.js emitted (or one from its socket), in plain words. */
export function describeMqttError(error: Error, place: BrokerPlace): MqttFailure {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') {
    const words = reasonInWords(code);
    if (error.message.startsWith('Connection refused'))
      return {
        message: `broker ${place.url} refused the connection: ${words}`,
        final: FINAL_CODES.has(code),
      };
    return { message: `broker ${place.url}: ${words}`, final: false };
  }
  if (typeof code === 'string') {
    const known = tlsProblem(code, error, place) ?? socketProblem(code, error, place);
    if (known) return { message: known, final: false };
  }
  if (/keepalive timeout/i.test(error.message))
    return { message: `broker ${place.url} stopped answering (keepalive timeout)`, final: false };
  if (/connack timeout/i.test(error.message))
    return { message: `broker ${place.url} did not answer the connection request in time`, final: false };
  return { message: `broker ${place.url}: ${error.message}`, final: false };
}
