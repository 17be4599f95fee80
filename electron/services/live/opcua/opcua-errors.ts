import type { OpcuaConnectionDefinition } from '../../../../core/asset/sources-schema';
import { said, type PhraseParams, type Said } from '../../../../core/text/phrase';
import type { PhraseCode } from '../../../../core/text/phrase-codes';

export type OpcuaFailureKind =
  | 'untrusted-server-certificate'
  | 'server-certificate-invalid'
  | 'user-refused'
  | 'security-not-offered'
  | 'client-certificate-refused'
  | 'network'
  | 'other';

export interface OpcuaFailure extends Said {
  kind: OpcuaFailureKind;
  /** Retrying cannot help until the user changes something (a password, a trust, the security settings). */
  needsUser: boolean;
}

/** A failure only the user can fix (a missing password…); its message is already in plain words. */
export class NeedsUserError extends Error {
  constructor(readonly said: Said) {
    super(said.message);
  }
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);

/** The first OPC UA status name in a library message ("BadTimeout"), if any. */
export const statusNameIn = (text: string): string | undefined =>
  /\b((?:Bad|Uncertain)[A-Za-z]+)\b/.exec(text)?.[1];

/** node-opcua's messages span lines and carry stack-like detail: keep the first line, shortened. */
const firstLine = (text: string) => {
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
};

/** Library and socket errors → what went wrong with which endpoint, in words an operator can act on. */
export function describeOpcuaError(error: unknown, connection: OpcuaConnectionDefinition): OpcuaFailure {
  const text = errorText(error);
  if (error instanceof NeedsUserError) return { kind: 'other', ...error.said, needsUser: true };
  const url = connection.url;
  const status = statusNameIn(text);
  const failure = (
    kind: OpcuaFailureKind,
    [code, params]: [PhraseCode, PhraseParams],
    message: string,
    needsUser: boolean,
  ): OpcuaFailure => ({ kind, ...said(code, { url, ...params }, message), needsUser });
  const mode = connection.securityMode;

  if (/server Certificate verification failed/i.test(text))
    return status === 'BadCertificateUntrusted'
      ? failure(
          'untrusted-server-certificate',
          ['serverCertUntrusted', {}],
          `server certificate of ${url} is not trusted yet`,
          true,
        )
      : failure(
          'server-certificate-invalid',
          ['serverCertInvalid', { detail: status ?? firstLine(text) }],
          `server certificate of ${url} is not valid (${status ?? firstLine(text)})`,
          true,
        );
  if (/BadUserAccessDenied|BadIdentityTokenRejected|BadIdentityTokenInvalid/.test(text))
    return failure(
      'user-refused',
      connection.username
        ? ['userRefused', { user: connection.username, status: status ?? '' }]
        : ['anonymousRefused', { status: status ?? '' }],
      connection.username
        ? `${url}: the server refused the user name or password (user "${connection.username}", ${status})`
        : `${url}: the server refused an anonymous session (${status}); it may need a user name and password`,
      true,
    );
  if (/Cannot find USERNAME user token policy/i.test(text))
    return failure(
      'security-not-offered',
      ['passwordNotOffered', { mode }],
      `${url} does not accept a user name and password with security mode ${connection.securityMode}`,
      true,
    );
  const securityRefused = /BadSecurityPolicyRejected|BadSecurityModeRejected/;
  if (
    /cannot find endpoint|Cannot find an Endpoint matching|End ?point must exist/i.test(text) ||
    securityRefused.test(text)
  )
    return failure(
      'security-not-offered',
      ['securityNotOffered', { mode, policy: connection.securityPolicy }],
      `${url} does not offer security mode ${connection.securityMode} with policy ${connection.securityPolicy}`,
      true,
    );
  if (
    /BadCertificateUntrusted|BadSecurityChecksFailed|BadCertificateInvalid|BadCertificateUriInvalid/.test(
      text,
    )
  )
    return failure(
      'client-certificate-refused',
      ['clientCertRefused', { status: status ?? '' }],
      `${url} refused Twinscape's client certificate (${status}); the server's administrator must trust it`,
      true,
    );
  if (/ECONNREFUSED/.test(text))
    return failure(
      'network',
      ['connectionRefused', {}],
      `nothing is listening at ${url} (connection refused)`,
      false,
    );
  if (/ENOTFOUND|EAI_AGAIN/.test(text))
    return failure('network', ['hostUnknown', {}], `the host of ${url} is unknown`, false);
  if (/ETIMEDOUT|timed? ?out|BadTimeout|BadRequestTimeout/i.test(text))
    return failure('network', ['noAnswerInTime', {}], `${url} did not answer in time`, false);
  if (
    /ECONNRESET|EPIPE|socket hang up|BadConnectionClosed|BadSecureChannelClosed|premature|disconnect/i.test(
      text,
    )
  )
    return failure('network', ['closedConnection', {}], `${url} closed the connection`, false);
  if (/ENETUNREACH|EHOSTUNREACH/.test(text))
    return failure('network', ['unreachable', {}], `${url} cannot be reached from here`, false);
  const detail = firstLine(text) || 'unknown error';
  return failure('other', ['connectionError', { detail }], `${url}: ${detail}`, false);
}
