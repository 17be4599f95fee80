import { X509Certificate, createHash } from 'node:crypto';
import {
  MessageSecurityMode,
  OPCUAClient,
  type OPCUACertificateManager,
  type SecurityPolicy,
} from 'node-opcua';

export interface ServerCertificate {
  /** The server's own certificate (DER), without the issuer chain. */
  der: Buffer;
  /** SHA-1 of the DER, lower-case hex pairs joined by ":" (the form users compare). */
  thumbprint: string;
  /** e.g. "CN=PLC-7, O=Acme, C=FR". */
  subject: string;
}

/** "AB:CD…", "ab cd…" or "abcd…" → "abcd…", to compare thumbprints however the user copied them. */
export const normalizeThumbprint = (thumbprint: string): string =>
  thumbprint.replace(/[^0-9a-f]/gi, '').toLowerCase();

/** A server may send its certificate followed by its issuers (DER back to back): the first one is its own. */
function firstCertificate(chain: Buffer): Buffer {
  if (chain.length < 2 || chain.readUInt8(0) !== 0x30) return chain;
  const lengthByte = chain.readUInt8(1);
  if (lengthByte < 0x80) return chain.subarray(0, 2 + lengthByte);
  const lengthBytes = lengthByte & 0x7f;
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + chain.readUInt8(2 + i);
  return chain.subarray(0, 2 + lengthBytes + length);
}

export function describeServerCertificate(chain: Buffer): ServerCertificate {
  const der = firstCertificate(chain);
  const hex = createHash('sha1').update(der).digest('hex');
  let subject: string;
  try {
    subject = new X509Certificate(der).subject.split('\n').reverse().join(', ');
  } catch {
    subject = '(unreadable certificate)';
  }
  return { der, thumbprint: (hex.match(/../g) ?? []).join(':'), subject };
}

/**
 * Asks the server (over an unsecured discovery connection) for the certificate of its endpoint with this
 * security mode and policy; null when it offers no such endpoint. Used only to show the user a certificate
 * that node-opcua refused, so that they can compare and trust it.
 */
export async function fetchServerCertificate(
  url: string,
  mode: MessageSecurityMode,
  policy: SecurityPolicy,
  pki: OPCUACertificateManager,
): Promise<ServerCertificate | null> {
  const discovery = OPCUAClient.create({
    endpointMustExist: false,
    securityMode: MessageSecurityMode.None,
    connectionStrategy: { maxRetry: 0 },
    clientCertificateManager: pki,
    applicationName: 'Twinscape',
  });
  try {
    await discovery.connect(url);
    const endpoints = await discovery.getEndpoints();
    const match = endpoints.find((e) => e.securityMode === mode && e.securityPolicyUri === policy);
    return match?.serverCertificate ? describeServerCertificate(match.serverCertificate) : null;
  } finally {
    await discovery.disconnect();
  }
}
