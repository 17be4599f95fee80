// MQTT library and socket errors → plain words that name the broker (and the CA file for TLS trouble).
import { said, type Said } from '../../../../core/text/phrase';

export interface MqttFailure extends Said {
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

function tlsProblem(code: string, error: Error, { url, caFile }: BrokerPlace): Said | null {
  const certificate = `the certificate of broker ${url}`;
  const detail = error.message;
  if (UNTRUSTED_CERTIFICATE.has(code))
    return caFile
      ? said('certNotSignedByCa', { url, caFile }, `${certificate} is not signed by the CA in ${caFile}`)
      : said(
          'certNotTrustedHere',
          { url },
          `${certificate} is not signed by a CA this computer trusts; set caFile to the CA that signed it`,
        );
  if (code === 'CERT_HAS_EXPIRED') return said('certExpired', { url }, `${certificate} has expired`);
  if (code === 'CERT_NOT_YET_VALID')
    return said('certNotYetValid', { url }, `${certificate} is not valid yet (check the clocks)`);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return said(
      'certWrongHost',
      { url, detail },
      `${certificate} is not made out for the host in the address (${detail})`,
    );
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_'))
    return said('tlsFailed', { url, detail }, `TLS with broker ${url} failed: ${detail}`);
  return null;
}

function socketProblem(code: string, error: Error, { url }: BrokerPlace): Said | null {
  switch (code) {
    case 'ECONNREFUSED':
      return said('connectionRefused', { url }, `nothing is listening at ${url} (connection refused)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return said('hostUnknown', { url }, `the host of ${url} was not found (DNS: ${code})`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return said('unreachable', { url }, `broker ${url} cannot be reached (${code})`);
    case 'ECONNRESET':
      return url.startsWith('mqtt:')
        ? said(
            'resetMaybeTls',
            { url },
            `broker ${url} reset the connection (if the port expects TLS, use mqtts://)`,
          )
        : said('closedConnection', { url }, `broker ${url} reset the connection`);
    case 'EPIPE':
      return said('closedConnection', { url }, `broker ${url} closed the connection`);
    default:
      return code.startsWith('E') && /^E[A-Z]+$/.test(code)
        ? said('connectionError', { url, detail: error.message }, `broker ${url}: ${error.message}`)
        : null;
  }
}

/** The broker closed the connection, with its MQTT 5 reason code when it sent one. */
export function brokerClosed(url: string, reasonCode?: number): Said {
  return reasonCode === undefined
    ? said('closedConnection', { url }, `broker ${url} closed the connection`)
    : said(
        'brokerClosed',
        { url, mqttReason: reasonCode },
        `broker ${url} closed the connection: ${reasonInWords(reasonCode)}`,
      );
}

/** An error mqtt.js emitted (or one from its socket), in plain words. */
export function describeMqttError(error: Error, place: BrokerPlace): MqttFailure {
  const code = (error as { code?: unknown }).code;
  const { url } = place;
  const retry = (text: Said): MqttFailure => ({ ...text, final: false });
  if (typeof code === 'number') {
    const words = reasonInWords(code);
    if (error.message.startsWith('Connection refused'))
      return {
        ...said('brokerRefused', { url, mqttReason: code }, `broker ${url} refused the connection: ${words}`),
        final: FINAL_CODES.has(code),
      };
    return retry(said('brokerSaid', { url, mqttReason: code }, `broker ${url}: ${words}`));
  }
  if (typeof code === 'string') {
    const known = tlsProblem(code, error, place) ?? socketProblem(code, error, place);
    if (known) return retry(known);
  }
  if (/keepalive timeout/i.test(error.message))
    return retry(said('keepaliveTimeout', { url }, `broker ${url} stopped answering (keepalive timeout)`));
  if (/connack timeout/i.test(error.message))
    return retry(
      said('connackTimeout', { url }, `broker ${url} did not answer the connection request in time`),
    );
  return retry(said('connectionError', { url, detail: error.message }, `broker ${url}: ${error.message}`));
}
