import { useState } from 'react';
import type { ConnectionStatus } from '../../../../core/api/domains/connections';
import type { ConnectionDefinition } from '../../../../core/asset/sources-schema';
import { connectionCommand } from '../../state/connection-actions';
import { useCanCall } from '../../state/session-role';
import { CertificateTrust } from './CertificateTrust';
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
  const command = useCanCall('connectionCommand', 'connecting or disconnecting a source');
  const password = useCanCall('setConnectionPassword', 'setting a connection password');
  const [passwordOpen, setPasswordOpen] = useState(false);
  const canConnect = c.state === 'disconnected' || c.state === 'failed';
  const canDisconnect = c.state !== 'disconnected';
  const lost = c.state === 'failed' || c.state === 'reconnecting';

  return (
    <section
      className={`connection-card state-${c.state}`}
      aria-label={`Connection ${c.id}`}
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
          {c.error}
        </p>
      )}
      <dl className="connection-facts">
        <div>
          <dt>Messages</dt>
          <dd data-testid="connection-rate">{c.messagesPerSecond.toFixed(1)} /s</dd>
        </div>
        <div>
          <dt>Last message</dt>
          <dd title={c.lastMessageAt === null ? undefined : new Date(c.lastMessageAt).toISOString()}>
            {agoText(c.lastMessageAt, now)}
          </dd>
        </div>
        <div className={c.badPayloads > 0 ? 'has-count' : ''}>
          <dt title="Payloads that could not be read, or values that were not numbers">Bad payloads</dt>
          <dd>{formatCount(c.badPayloads)}</dd>
        </div>
        <div className={c.unknownMetrics > 0 ? 'has-count' : ''}>
          <dt title="Topics, metrics or aliases no tag is bound to">Unknown metrics</dt>
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
            title={command.refusal ?? `Connect to ${c.url}`}
            onClick={() => void connectionCommand(c.id, 'connect')}
          >
            Connect
          </button>
        )}
        {canDisconnect && (
          <button
            type="button"
            data-testid="btn-disconnect"
            disabled={!command.allowed}
            title={command.refusal ?? 'Stop listening to this source; its tags turn stale'}
            onClick={() => void connectionCommand(c.id, 'disconnect')}
          >
            Disconnect
          </button>
        )}
        <button
          type="button"
          data-testid="btn-set-password"
          aria-expanded={passwordOpen}
          disabled={!password.allowed}
          title={password.refusal ?? 'Keep the password this connection logs in with'}
          onClick={() => setPasswordOpen((open) => !open)}
        >
          Set password…
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
