import { useState } from 'react';
import { trustServerCertificate } from '../../state/connection-actions';
import { useCanCall } from '../../state/session-role';
import { groupThumbprint } from './connections-format';

interface Props {
  connectionId: string;
  certificate: { thumbprint: string; subject: string };
}

/** An OPC UA server certificate waiting for trust: subject, SHA-1 thumbprint, and a trust step that asks twice. */
export function CertificateTrust({ connectionId, certificate }: Props) {
  const access = useCanCall('trustServerCertificate', 'trusting a server certificate');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const trust = () => {
    setBusy(true);
    void trustServerCertificate(connectionId, certificate.thumbprint).finally(() => {
      setBusy(false);
      setConfirming(false);
    });
  };
  return (
    <div
      className="certificate-block"
      role="group"
      aria-label="Untrusted server certificate"
      data-testid="certificate"
    >
      <p className="certificate-title">
        <span aria-hidden="true">▲</span> The server&apos;s certificate is not trusted yet
      </p>
      <dl className="certificate-facts">
        <dt>Subject</dt>
        <dd>{certificate.subject}</dd>
        <dt>SHA-1 thumbprint</dt>
        <dd>
          <code className="certificate-thumbprint" data-testid="certificate-thumbprint">
            {groupThumbprint(certificate.thumbprint)}
          </code>
        </dd>
      </dl>
      {confirming ? (
        <div className="certificate-confirm" role="alert">
          <p>
            Compare the thumbprint with the one shown on the server. Trust it only if every group matches.
          </p>
          <div className="connection-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              data-testid="btn-trust-confirm"
              onClick={trust}
            >
              Trust this certificate
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="connection-actions">
          <button
            type="button"
            data-testid="btn-trust"
            disabled={!access.allowed}
            title={access.refusal ?? 'Trust this server certificate after comparing its thumbprint'}
            onClick={() => setConfirming(true)}
          >
            Trust this certificate…
          </button>
        </div>
      )}
    </div>
  );
}
