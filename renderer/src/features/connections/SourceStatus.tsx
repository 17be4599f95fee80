import { useTranslation } from 'react-i18next';
import { openConnectionsPanel } from '../../state/connections-store';
import { useConnections } from '../../state/use-store';
import { formatCount } from './connections-format';
import { sourceHealth, type SourceHealth } from './source-health';
import './source-status.css';

const LEVEL_TEXT = {
  normal: 'Live sources healthy',
  degraded: 'Live sources degraded',
  failed: 'Live sources down',
};

function healthTitle(h: SourceHealth, source: string): string {
  const lines = [`${LEVEL_TEXT[h.level]}: ${source}`];
  if (h.staleTags > 0) lines.push(`${h.staleTags} tags stale`);
  if (h.neverTags > 0) lines.push(`${h.neverTags} tags never received a value`);
  lines.push('Click or press C for the Connections panel');
  return lines.join('\n');
}

/** "MQTT + OPC UA", "1/2 connected", "8.0 msg/s" and, when there are any, the stale and silent tags. */
function healthParts(h: SourceHealth): string[] {
  const parts = [
    h.kinds.join(' + '),
    `${h.connected}/${h.total} connected`,
    `${h.messagesPerSecond.toFixed(1)} msg/s`,
  ];
  if (h.staleTags > 0) parts.push(`${h.staleTags} stale`);
  if (h.neverTags > 0) parts.push(`${h.neverTags} no data`);
  return parts;
}

/**
 * The status bar's data source: today's text for the simulator; for live sources their kind and health at a
 * glance (grey when all is well, amber degraded, red down) and dropped samples, each opening the Connections panel.
 */
export function SourceStatus({ source }: { source: string }) {
  const { t } = useTranslation('shell');
  const health = sourceHealth(useConnections((s) => s.snapshot));
  // The backend names its simulator in English; the seed is what matters to the reader.
  const seed = /^Pump-skid simulator \(seed (\d+)\)$/.exec(source)?.[1];
  if (!health)
    return (
      <span className="status-item" title={t('status.source')} data-testid="status-source">
        {seed === undefined ? source : t('status.pumpSimulator', { seed })}
      </span>
    );
  return (
    <>
      <button
        type="button"
        className={`status-item status-source health-${health.level}`}
        data-testid="status-source"
        data-health={health.level}
        title={healthTitle(health, source)}
        onClick={openConnectionsPanel}
      >
        <span className="source-dot" aria-hidden="true" />
        <span>
          <span className="status-source-live">Live</span> · {healthParts(health).join(' · ')}
        </span>
      </button>
      {health.droppedSamples > 0 && (
        <button
          type="button"
          className="status-item status-source health-degraded"
          data-testid="status-dropped"
          title="Values arrived faster than the history store and the view could take them"
          onClick={openConnectionsPanel}
        >
          dropped {formatCount(health.droppedSamples)} samples
        </button>
      )}
    </>
  );
}
