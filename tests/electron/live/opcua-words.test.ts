// Plain words for OPC UA library errors and statuses, and server certificate thumbprints.
import { readFileSync } from 'node:fs';
import { StatusCodes } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { opcuaConnectionSchema } from '../../../core/asset/sources-schema';
import { said } from '../../../core/text/phrase';
import { describeOpcuaError, NeedsUserError } from '../../../electron/services/live/opcua/opcua-errors';
import {
  describeServerCertificate,
  normalizeThumbprint,
} from '../../../electron/services/live/opcua/server-certificate';
import { qualityOfStatus, statusName } from '../../../electron/services/live/opcua/status-quality';

const url = 'opc.tcp://plc-7:4840';
const connection = opcuaConnectionSchema.parse({ id: 'plc', kind: 'opcua', url, username: 'operator' });
const words = (message: string) => describeOpcuaError(new Error(message), connection);

describe('OPC UA errors in plain words', () => {
  it.each([
    ['connect ECONNREFUSED 10.0.0.7:4840', `nothing is listening at ${url} (connection refused)`, false],
    ['getaddrinfo ENOTFOUND plc-7', `the host of ${url} is unknown`, false],
    ['Transaction has timed out ( timeout = 15000 ms)', `${url} did not answer in time`, false],
    ['socket hang up', `${url} closed the connection`, false],
    [
      'CreateSession: BadUserAccessDenied (0x801f0000)',
      `${url}: the server refused the user name or password (user "operator", BadUserAccessDenied)`,
      true,
    ],
    [
      'ActivateSession BadIdentityTokenRejected',
      `${url}: the server refused the user name or password (user "operator", BadIdentityTokenRejected)`,
      true,
    ],
    [
      'cannot find endpoint for securityMode=SignAndEncrypt policy = http://…#Basic256Sha256',
      `${url} does not offer security mode None with policy None`,
      true,
    ],
    [
      'server Certificate verification failed with err BadCertificateTimeInvalid (0x80140000)',
      `server certificate of ${url} is not valid (BadCertificateTimeInvalid)`,
      true,
    ],
    [
      'OpenSecureChannel: BadSecurityChecksFailed',
      `${url} refused Twinscape's client certificate (BadSecurityChecksFailed); the server's administrator must trust it`,
      true,
    ],
    ['something odd\n    at stack', `${url}: something odd`, false],
  ])('%s', (message, expected, needsUser) => {
    expect(words(message)).toMatchObject({ message: expected, needsUser });
  });

  it('sends the sentence as a code and the values it names, for the renderer to say in its language', () => {
    expect(words('connect ECONNREFUSED 10.0.0.7:4840').phrase).toEqual({
      code: 'connectionRefused',
      params: { url },
    });
    expect(words('CreateSession: BadUserAccessDenied (0x801f0000)').phrase).toEqual({
      code: 'userRefused',
      params: { url, user: 'operator', status: 'BadUserAccessDenied' },
    });
    expect(words('something odd\n    at stack').phrase).toEqual({
      code: 'connectionError',
      params: { url, detail: 'something odd' },
    });
  });

  it('sees an untrusted server certificate as one the user may trust', () => {
    expect(
      words('server Certificate verification failed with err BadCertificateUntrusted (0x801a0000)').kind,
    ).toBe('untrusted-server-certificate');
  });

  it('keeps the words of a failure only the user can fix', () => {
    const noPassword = said('passwordMissing', { url, user: 'operator' }, 'no password');
    expect(describeOpcuaError(new NeedsUserError(noPassword), connection)).toMatchObject({
      message: 'no password',
      phrase: { code: 'passwordMissing', params: { url, user: 'operator' } },
      needsUser: true,
    });
  });
});

describe('OPC UA statuses', () => {
  it('maps severity to quality and names the status', () => {
    expect(qualityOfStatus(StatusCodes.Good)).toBe('good');
    expect(qualityOfStatus(StatusCodes.UncertainLastUsableValue)).toBe('uncertain');
    expect(qualityOfStatus(StatusCodes.BadNodeIdUnknown)).toBe('bad');
    expect(statusName(StatusCodes.BadNodeIdUnknown)).toBe('BadNodeIdUnknown');
  });
});

describe('server certificate thumbprints', () => {
  it('compares thumbprints however they were copied', () => {
    expect(normalizeThumbprint('AB:cd 01')).toBe('abcd01');
  });

  it('describes the first certificate of a chain by its SHA-1 thumbprint and subject', () => {
    const pem = readFileSync(new URL('../../fixtures/opcua/server-certificate.pem', import.meta.url), 'utf8');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const alone = describeServerCertificate(der);
    // As `openssl x509 -noout -fingerprint -sha1` shows it, in lower case.
    expect(alone.thumbprint).toBe('84:77:25:47:e4:3e:5f:51:f0:1a:75:d1:88:c5:d7:22:3f:6d:f9:0f');
    expect(alone.subject).toBe('CN=Twinscape test PLC, O=Twinscape');
    expect(describeServerCertificate(Buffer.concat([der, der]))).toEqual(alone);
  });
});
