import { useTranslation } from 'react-i18next';
import { useThrottledTelemetryVersion } from '../hooks/useThrottledTelemetryVersion';
import { useStore } from 'zustand';
import { predictionStore } from '../state/prediction-store';
import { isViewerSession, viewerOnlyReason } from '../state/session-role';
import { runsLive } from '../state/connections-store';
import { useConnections, useSession } from '../state/use-store';
import { telemetryStore } from '../state/telemetry-store';
import { countByPriority, priorityCoding } from '../features/live/alarm-logic';
import { formatDateTime, formatSpeed } from '../format';
import { useDisplayedAlarms } from '../state/use-displayed-alarms';
import { SourceStatus } from '../features/connections/SourceStatus';
import { QualityStatus } from './QualitySelect';
import { useFramesDrawnPerSecond } from '../scene/use-frame-rate';

/** Bottom bar: connection, source, host, upload progress, simulated time, speed, alarm counts, ML backend, quality, fps. */
export function StatusBar() {
  const { t } = useTranslation(['shell', 'common']);
  useThrottledTelemetryVersion(250);
  const fps = useFramesDrawnPerSecond();
  const connection = useSession((s) => s.connection);
  const source = useSession((s) => s.session?.source ?? '—');
  const host = useSession((s) => s.session?.host ?? null);
  const viewer = useSession(isViewerSession);
  const upload = useSession((s) => s.upload);
  const sim = useSession((s) => s.sim ?? s.session?.sim ?? null);
  const live = useConnections(runsLive);
  const mlBackend = useStore(predictionStore, (s) => s.backend);
  const mlAdapter = useStore(predictionStore, (s) => s.adapter);
  const mlFallback = useStore(predictionStore, (s) => s.fallbackReason);
  const alarms = useDisplayedAlarms();
  const counts = countByPriority(alarms);

  // The ring advances with every batch; the sim status may arrive less often.
  const ringTime = telemetryStore.getState().ring.lastTime;
  const simTime = Math.max(sim?.simTime ?? Number.NaN, Number.isFinite(ringTime) ? ringTime : -Infinity);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span
        className="status-item"
        data-testid="status-connection"
        data-state={connection}
        title={t('status.connection')}
      >
        <span className={`conn-dot conn-${connection}`} aria-hidden="true" />
        {t(`status.${connection}`)}
      </span>
      <SourceStatus source={source} />
      <span className="status-item" title={t('status.host')}>
        {host === 'electron' ? t('status.hostElectron') : host === 'web' ? t('status.hostWeb') : '—'}
      </span>
      {viewer && (
        <span className="status-item status-viewer" data-testid="status-viewer" title={viewerOnlyReason()}>
          {t('status.viewer')}
        </span>
      )}
      {upload && (
        <span
          className="status-item"
          data-testid="status-upload"
          role="status"
          title={t('status.uploadTitle')}
        >
          {t('status.uploading', {
            fileName: upload.fileName,
            percent: upload.total > 0 ? Math.floor((100 * upload.sent) / upload.total) : 100,
          })}{' '}
          <progress max={upload.total} value={upload.sent} />
        </span>
      )}
      <span className="status-item num" title={live ? t('status.newestSourceTime') : t('status.simTime')}>
        <span data-testid="status-sim-time">{formatDateTime(Number.isFinite(simTime) ? simTime : null)}</span>
        <span className="muted"> UTC</span>
      </span>
      {!live && (
        <span className="status-item num" data-testid="status-speed" title={t('status.speed')}>
          {sim ? formatSpeed(sim.speed, sim.achievedSpeed, sim.running) : '—'}
        </span>
      )}
      <span className="status-spacer" />
      <span
        className="status-item status-alarms"
        data-testid="status-alarm-counts"
        title={t('status.alarmsByPriority')}
      >
        {(['high', 'medium', 'low'] as const).map((p) => (
          <span key={p} className={`status-count ${counts[p] > 0 ? priorityCoding[p].className : 'muted'}`}>
            <span aria-hidden="true">{priorityCoding[p].shape}</span> {t(`common:priority.${p}`)} {counts[p]}
          </span>
        ))}
      </span>
      <span
        className="status-item"
        title={mlFallback ? t('status.mlBackendFallback', { reason: mlFallback }) : t('status.mlBackend')}
      >
        <span className="muted">ML </span>
        <span data-testid="status-ml-backend" data-backend={mlBackend ?? ''}>
          {mlBackend ? `${mlBackend} · ${mlAdapter ?? '?'}` : '—'}
        </span>
      </span>
      <QualityStatus />
      <span className="status-item num" data-testid="status-fps" title={t('status.fpsTitle')}>
        {t('status.fps', { fps })}
      </span>
    </footer>
  );
}
