import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trustServerCertificate } from '../../state/connection-actions';
import { useCanCall } from '../../state/session-role';
import { groupThumbprint } from './connections-format';

interface Props {
  connectionId: string;
  certificate: { thumbprint: string; subject: string };
}

/** An OPC UA server certificate waiting for trust: subject, SHA-1 thumbprint, and a trust step that asks twice. */
export function CertificateTrust({ connectionId, certificate }: Props) {
  const { t } = useTranslation('connections');
  const access = useCanCall('trustServerCertificate', t('certificate.access'));
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
      aria-label={t('certificate.label')}
      data-testid="certificate"
    >
      <p className="certificate-title">
        <span aria-hidden="true">▲</span> {t('certificate.notTrusted')}
      </p>
      <dl className="certificate-facts">
        <dt>{t('certificate.subject')}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{t('certificate.thumbprint')}</dt>
        <dd>
          <code className="certificate-thumbprint" data-testid="certificate-thumbprint">
            {groupThumbprint(certificate.thumbprint)}
          </code>
        </dd>
      </dl>
      {confirming ? (
        <div className="certificate-confirm" role="alert">
          <p>{t('certificate.compare')}</p>
          <div className="connection-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              data-testid="btn-trust-confirm"
              onClick={trust}
            >
              {t('certificate.trust')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="connection-actions">
          <button
            type="button"
            data-testid="btn-trust"
            disabled={!access.allowed}
            title={access.refusal ?? t('certificate.trustTitle')}
            onClick={() => setConfirming(true)}
          >
            {t('certificate.trustAsk')}
          </button>
        </div>
      )}
    </div>
  );
}
