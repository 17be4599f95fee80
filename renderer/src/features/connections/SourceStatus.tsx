import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { openConnectionsPanel } from '../../state/connections-store';
import { useConnections } from '../../state/use-store';
import { formatDecimals } from '../../i18n/number-format';
import { dataSourceText } from '../../i18n/data-source-text';
import { formatCount } from './connections-format';
import { sourceHealth, type SourceHealth } from './source-health';
import './source-status.css';

type ConnectionsT = TFunction<'connections'>;

function healthTitle(h: SourceHealth, source: string, t: ConnectionsT): string {
  const lines = [t('status.titleLevel', { level: t(`status.levels.${h.level}`), source })];
  if (h.staleTags > 0) lines.push(t('status.titleStale', { count: h.staleTags }));
  if (h.neverTags > 0) lines.push(t('status.titleNever', { count: h.neverTags }));
  lines.push(t('status.titleOpen'));
  return lines.join('\n');
}

/** "MQTT + OPC UA", "1/2 connected", "8.0 msg/s" and, when there are any, the stale and silent tags. */
function healthParts(h: SourceHealth, t: ConnectionsT): string[] {
  const parts = [
    h.kinds.join(' + '),
    t('status.connected', { connected: h.connected, total: h.total }),
    t('status.rate', { rate: formatDecimals(h.messagesPerSecond, 1) }),
  ];
  if (h.staleTags > 0) parts.push(t('status.stale', { count: h.staleTags }));
  if (h.neverTags > 0) parts.push(t('status.noData', { count: h.neverTags }));
  return parts;
}

/**
 * The status bar's data source: today's text for the simulator; for live sources their kind and health at a
 * glance (grey when all is well, amber degraded, red down) and dropped samples, each opening the Connections panel.
 */
export function SourceStatus({ source }: { source: string }) {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('connections');
  const health = sourceHealth(useConnections((s) => s.snapshot));
  if (!health)
    return (
      <span className="status-item" title={t('status.source')} data-testid="status-source">
        {dataSourceText(source)}
      </span>
    );
  return (
    <>
      <button
        type="button"
        className={`status-item status-source health-${health.level}`}
        data-testid="status-source"
        data-health={health.level}
        title={healthTitle(health, source, tc)}
        onClick={openConnectionsPanel}
      >
        <span className="source-dot" aria-hidden="true" />
        <span>
          <span className="status-source-live">{tc('status.live')}</span> ·{' '}
          {healthParts(health, tc).join(' · ')}
        </span>
      </button>
      {health.droppedSamples > 0 && (
        <button
          type="button"
          className="status-item status-source health-degraded"
          data-testid="status-dropped"
          title={tc('status.droppedTitle')}
          onClick={openConnectionsPanel}
        >
          {tc('status.dropped', { count: formatCount(health.droppedSamples) })}
        </button>
      )}
    </>
  );
}
