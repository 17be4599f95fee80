import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { useNow } from '../../hooks/useNow';
import { closeConnectionsPanel } from '../../state/connections-store';
import { useConnections, useSession } from '../../state/use-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { ConnectionCard } from './ConnectionCard';
import { formatDecimals } from '../../i18n/number-format';
import { phraseText } from '../../i18n/phrase-text';
import { formatCount } from './connections-format';
import { SourceModeSwitch } from './SourceModeSwitch';
import { sourceHealth } from './source-health';
import { TagSourceTable } from './TagSourceTable';
import './connections.css';
import './connection-card.css';

/** What the asset's data comes from now, in one sentence. */
function ModeLine({ mode, hasSources }: { mode: 'simulator' | 'live' | 'none'; hasSources: boolean }) {
  const { t } = useTranslation('connections');
  if (mode === 'simulator')
    return (
      <p className="connections-mode-line" data-testid="connections-mode-line">
        {t('simulatorMode')}
        {hasSources && t('simulatorClosed')}
      </p>
    );
  if (mode === 'none' || !hasSources)
    return (
      <p className="connections-mode-line" data-testid="connections-mode-line">
        <Trans
          t={t}
          i18nKey="noSources"
          values={{ section: 'sources' }}
          components={[<code key="section" />]}
        />
      </p>
    );
  return null;
}

/** The Connections panel: each live connection's state and counters, the tags' freshness, the source mode. */
export function ConnectionsDialog() {
  const { t } = useTranslation('connections');
  const snapshot = useConnections((s) => s.snapshot);
  const asset = useLocalizedAsset();
  const host = useSession((s) => s.session?.host ?? 'web');
  const live = snapshot?.mode === 'live';
  // Countdowns and "3 s ago" move every second between snapshots.
  const now = useNow(1000, live);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const health = sourceHealth(snapshot);

  return (
    <ModalDialog
      className="connections-dialog"
      labelledBy="connections-dialog-title"
      testId="connections-dialog"
      onClose={closeConnectionsPanel}
    >
      <div className="connections-head">
        <h2 id="connections-dialog-title">{t('title')}</h2>
        {health && (
          <span className="connections-summary" data-testid="connections-summary">
            {t('summary', {
              connected: health.connected,
              total: health.total,
              rate: formatDecimals(health.messagesPerSecond, 1),
            })}
          </span>
        )}
        <span className="section-spacer" />
        {snapshot && asset?.simulator && snapshot.hasSources && <SourceModeSwitch mode={snapshot.mode} />}
      </div>
      <div className="connections-body">
        {!snapshot && <p className="empty-hint">{t('asking')}</p>}
        {snapshot && <ModeLine mode={snapshot.mode} hasSources={snapshot.hasSources} />}
        {snapshot && snapshot.droppedSamples > 0 && (
          <p className="connections-warning" data-testid="connections-dropped">
            <span aria-hidden="true">▲</span> {t('dropped', { count: formatCount(snapshot.droppedSamples) })}
          </p>
        )}
        {snapshot?.clockSkewWarning && (
          <p className="connections-warning" data-testid="connections-skew">
            <span aria-hidden="true">▲</span>{' '}
            {phraseText(snapshot.clockSkewPhrase, snapshot.clockSkewWarning)}
          </p>
        )}
        {live &&
          snapshot.connections.map((c) => (
            <ConnectionCard
              key={c.id}
              connection={c}
              definition={asset?.sources?.connections.find((d) => d.id === c.id) ?? null}
              host={host}
              now={now}
            />
          ))}
        {live && asset && <TagSourceTable tags={snapshot.tags} asset={asset} now={now} />}
      </div>
      <div className="dialog-actions">
        <span className="connections-hint muted">
          <Trans t={t} i18nKey="openClose" components={[<kbd key="key" />]} />
        </span>
        <span className="section-spacer" />
        <button
          ref={closeButton}
          type="button"
          data-testid="btn-connections-close"
          onClick={closeConnectionsPanel}
        >
          {t('close')}
        </button>
      </div>
    </ModalDialog>
  );
}
