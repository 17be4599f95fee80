import {
  MessageSecurityMode,
  SecurityPolicy,
  UserTokenType,
  type OPCUACertificateManager,
  type OPCUAClientOptions,
  type UserIdentityInfo,
} from 'node-opcua';
import type { OpcuaConnectionDefinition } from '../../../../core/asset/sources-schema';
import { NeedsUserError } from './opcua-errors';
import { said } from '../../../../core/text/phrase';

/** Retry delays when the server cannot be reached, before and after a connection is lost. */
export const RETRY_INITIAL_DELAY_MS = 1000;
export const RETRY_MAX_DELAY_MS = 10_000;

export const securityModeOf = (connection: OpcuaConnectionDefinition): MessageSecurityMode =>
  connection.securityMode === 'SignAndEncrypt'
    ? MessageSecurityMode.SignAndEncrypt
    : MessageSecurityMode.None;

export const securityPolicyOf = (connection: OpcuaConnectionDefinition): SecurityPolicy =>
  connection.securityPolicy === 'Basic256Sha256' ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;

/**
 * Publishing timing for the subscription: publish about as often as the server samples, send a keep-alive
 * at least every 10 s, and keep the subscription alive on the server long enough to survive a short outage
 * (so node-opcua can transfer it to the new session).
 */
export function subscriptionTiming(connection: OpcuaConnectionDefinition) {
  const publishingIntervalMs = connection.samplingIntervalMs;
  const maxKeepAliveCount = Math.max(2, Math.ceil(10_000 / publishingIntervalMs));
  return {
    publishingIntervalMs,
    maxKeepAliveCount,
    lifetimeCount: maxKeepAliveCount * 6,
    sessionTimeoutMs: Math.max(60_000, maxKeepAliveCount * publishingIntervalMs * 4),
  };
}

export function clientOptions(
  connection: OpcuaConnectionDefinition,
  pki: OPCUACertificateManager,
): OPCUAClientOptions {
  return {
    applicationName: 'Twinscape',
    endpointMustExist: false,
    securityMode: securityModeOf(connection),
    securityPolicy: securityPolicyOf(connection),
    clientCertificateManager: pki,
    connectionStrategy: {
      initialDelay: RETRY_INITIAL_DELAY_MS,
      maxDelay: RETRY_MAX_DELAY_MS,
      // Retry for as long as the connection is wanted; stop() ends it.
      maxRetry: 1_000_000_000,
    },
    keepSessionAlive: true,
    requestedSessionTimeout: subscriptionTiming(connection).sessionTimeoutMs,
  };
}

/** Anonymous, or the connection's user name with the password the app keeps for it. */
export function userIdentity(
  connection: OpcuaConnectionDefinition,
  password: string | undefined,
): UserIdentityInfo {
  if (!connection.username) return { type: UserTokenType.Anonymous };
  if (password === undefined) {
    const { url, username: user, passwordEnv: env } = connection;
    const message = `${url}: no password is set for user "${user}"`;
    throw new NeedsUserError(
      env
        ? said(
            'passwordMissingEnv',
            { url, user, env },
            `${message} (set it in the Connections panel or in ${env})`,
          )
        : said('passwordMissing', { url, user }, message),
    );
  }
  return { type: UserTokenType.UserName, userName: connection.username, password };
}
