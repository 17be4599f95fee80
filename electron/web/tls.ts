import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** SHA-256 fingerprint of the certificate, as browsers show it (AA:BB:…), for checking it by eye. */
  fingerprint256: string;
  certFile: string;
}

/**
 * The web server's self-signed certificate in <dataDir>/tls/, made with the `openssl` command on first use and
 * reused afterwards (so that a browser's exception for it keeps working). Node's crypto cannot issue X.509
 * certificates by itself.
 */
export function ensureSelfSignedCertificate(dataDir: string, hostNames: readonly string[]): TlsMaterial {
  const dir = path.join(dataDir, 'tls');
  const keyFile = path.join(dir, 'twinscape-key.pem');
  const certFile = path.join(dir, 'twinscape-cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const altNames = [...new Set(['localhost', ...hostNames])]
      .map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h.replace(/^\[|\]$/g, '')}` : `DNS:${h}`))
      .join(',');
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '825',
        ].concat([
          '-subj',
          '/CN=Twinscape',
          '-addext',
          `subjectAltName=${altNames}`,
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ]),
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
      if (err.code === 'ENOENT')
        throw new Error(
          `--tls needs the openssl command to make a self-signed certificate in ${dir}, and it is not installed ` +
            '(Debian: apt-get install openssl), or use --behind-proxy with a TLS proxy in front',
        );
      throw new Error(
        `openssl could not make a certificate in ${dir}: ${err.stderr?.toString().trim() ?? err.message}`,
      );
    }
  }
  const key = readFileSync(keyFile, 'utf8');
  const cert = readFileSync(certFile, 'utf8');
  return { key, cert, certFile, fingerprint256: new X509Certificate(cert).fingerprint256 };
}
