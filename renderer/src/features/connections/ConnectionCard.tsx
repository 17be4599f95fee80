import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../../../core/api/domains/connections';
import type { ConnectionDefinition } from '../../../../core/asset/sources-schema';
import { connectionCommand } from '../../state/connection-actions';
import { useCanCall } from '../../state/session-role';
import { CertificateTrust } from './CertificateTrust';
import { formatDecimals } from '../../i18n/number-format';
import { phraseText } from '../../i18n/phrase-text';
import { agoText, connectionKindLabel, formatCount } from './connections-format';
import { ConnectionStatePill } from './ConnectionStatePill';
import { PasswordForm } from './PasswordForm';
import { RecentProblems } from './RecentProblems';

interface Props {
  connection: ConnectionStatus;
  /** The connection as the asset file defines it (user name, password variable); null if unknown. */
  definition: ConnectionDefinition | null;
  host: 'electron' | 'web';
  now: number;
}

/** One live connection: state, address, rate and counters, its problems, and what an operator can do. */
export function ConnectionCard({ connection: c, definition, host, now }: Props) {
  const { t } = useTranslation('connections');
  const command = useCanCall('connectionCommand', t('card.commandAccess'));
  const password = useCanCall('setConnectionPassword', t('card.passwordAccess'));
  const [passwordOpen, setPasswordOpen] = useState(false);
  const canConnect = c.state === 'disconnected' || c.state === 'failed';
  const canDisconnect = c.state !== 'disconnected';
  const lost = c.state === 'failed' || c.state === 'reconnecting';

  return (
    <section
      className={`connection-card state-${c.state}`}
      aria-label={t('card.label', { id: c.id })}
      data-testid="connection-card"
      data-connection-id={c.id}
      data-state={c.state}
    >
      <div className="connection-head">
        <span className="connection-id">{c.id}</span>
        <span className="connection-kind">{connectionKindLabel(c)}</span>
        <code className="connection-url" data-testid="connection-url">
          {c.url}
        </code>
        <span className="section-spacer" />
        <ConnectionStatePill state={c.state} nextRetryAt={c.nextRetryAt} now={now} />
      </div>
      {lost && c.error && (
        <p className="connection-error" data-testid="connection-error">
          {phraseText(c.errorPhrase, c.error)}
        </p>
      )}
      <dl className="connection-facts">
        <div>
          <dt>{t('card.messages')}</dt>
          <dd data-testid="connection-rate">
            {t('card.rate', { rate: formatDecimals(c.messagesPerSecond, 1) })}
          </dd>
        </div>
        <div>
          <dt>{t('card.lastMessage')}</dt>
          <dd title={c.lastMessageAt === null ? undefined : new Date(c.lastMessageAt).toISOString()}>
            {agoText(c.lastMessageAt, now)}
          </dd>
        </div>
        <div className={c.badPayloads > 0 ? 'has-count' : ''}>
          <dt title={t('card.badPayloadsTitle')}>{t('card.badPayloads')}</dt>
          <dd>{formatCount(c.badPayloads)}</dd>
        </div>
        <div className={c.unknownMetrics > 0 ? 'has-count' : ''}>
          <dt title={t('card.unknownMetricsTitle')}>{t('card.unknownMetrics')}</dt>
          <dd>{formatCount(c.unknownMetrics)}</dd>
        </div>
      </dl>
      {c.untrustedCertificate && (
        <CertificateTrust connectionId={c.id} certificate={c.untrustedCertificate} />
      )}
      <div className="connection-actions">
        {canConnect && (
          <button
            type="button"
            data-testid="btn-connect"
            disabled={!command.allowed}
            title={command.refusal ?? t('card.connectTitle', { url: c.url })}
            onClick={() => void connectionCommand(c.id, 'connect')}
          >
            {t('card.connect')}
          </button>
        )}
        {canDisconnect && (
          <button
            type="button"
            data-testid="btn-disconnect"
            disabled={!command.allowed}
            title={command.refusal ?? t('card.disconnectTitle')}
            onClick={() => void connectionCommand(c.id, 'disconnect')}
          >
            {t('card.disconnect')}
          </button>
        )}
        <button
          type="button"
          data-testid="btn-set-password"
          aria-expanded={passwordOpen}
          disabled={!password.allowed}
          title={password.refusal ?? t('card.setPasswordTitle')}
          onClick={() => setPasswordOpen((open) => !open)}
        >
          {t('card.setPassword')}
        </button>
      </div>
      {passwordOpen && (
        <PasswordForm
          connectionId={c.id}
          definition={definition}
          host={host}
          onDone={() => setPasswordOpen(false)}
        />
      )}
      <RecentProblems problems={c.recentProblems} current={c.error} now={now} />
    </section>
  );
}
