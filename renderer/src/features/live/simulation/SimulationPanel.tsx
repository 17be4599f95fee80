import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import type { SimStatus } from '../../../../../core/api/types';
import { useThrottledTelemetryVersion } from '../../../hooks/useThrottledTelemetryVersion';
import { telemetryStore } from '../../../state/telemetry-store';
import { isViewerSession, viewerOnlyReason } from '../../../state/session-role';
import { runsLive } from '../../../state/connections-store';
import { useConnections, useSession } from '../../../state/use-store';
import { simCommand, toggleRunPause } from '../../../state/twin-actions';
import { ControlRow } from './ControlRow';
import { FaultPanel } from './FaultPanel';
import { LiveSetpoints } from './LiveSetpoints';
import { formatFactor, nearestSpeed, SPEEDS } from '../../../format';
import { controlReadback } from '../tag-groups';
import { Icon } from '../../../ui/icons';

/** Run/pause, speed, reset, setpoints and fault injection; from live sources, the setpoints the plant allows. */
export function SimulationPanel() {
  const { t } = useTranslation('live');
  useThrottledTelemetryVersion(250);
  const asset = useLocalizedAsset();
  const sim = useSession((s) => s.sim ?? s.session?.sim ?? null);
  const viewer = useSession(isViewerSession);
  const live = useConnections(runsLive);
  if (!asset) return <div className="empty-hint">{t('groups.waiting')}</div>;

  return (
    // A disabled fieldset disables every control inside it; its title says why on hover.
    <fieldset
      className="simulation-panel plain-fieldset"
      disabled={viewer}
      title={viewer ? viewerOnlyReason() : undefined}
      data-testid="simulation-panel"
    >
      {viewer && (
        <p className="viewer-note" data-testid="viewer-note">
          {t('sim.viewerNote')}
        </p>
      )}
      {live ? <LiveSetpoints asset={asset} /> : <SimulatorSections asset={asset} sim={sim} />}
    </fieldset>
  );
}

function SimulatorSections({ asset, sim }: { asset: AssetDefinition; sim: SimStatus | null }) {
  const { t } = useTranslation('live');
  const ring = telemetryStore.getState().ring;
  const running = sim?.running ?? false;
  const reset = () => {
    if (window.confirm(t('sim.resetConfirm'))) void simCommand({ kind: 'reset' });
  };
  return (
    <>
      <section className="sim-section" aria-label={t('sim.simulator')}>
        <h3>{t('sim.simulator')}</h3>
        <div className="sim-controls">
          <button
            type="button"
            className={`primary with-icon run-pause ${running ? 'is-running' : ''}`}
            data-testid="btn-run-pause"
            data-running={running}
            onClick={toggleRunPause}
            title={t('sim.runPauseTitle')}
          >
            <Icon name={running ? 'pause' : 'play'} />
            {running ? t('sim.pause') : t('sim.run')}
          </button>
          <label className="inline-field">
            <span>{t('sim.speed')}</span>
            <select
              data-testid="speed-select"
              value={String(nearestSpeed(sim?.speed ?? 1))}
              onChange={(e) => void simCommand({ kind: 'speed', speed: Number(e.target.value) })}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={String(s)}>
                  {formatFactor(s)}
                </option>
              ))}
            </select>
          </label>
          {sim && (
            <span className="muted num" title={t('sim.achievedTitle')}>
              {t('sim.achieved', { speed: formatFactor(sim.achievedSpeed) })}
            </span>
          )}
          <span className="section-spacer" />
          <button type="button" data-testid="btn-reset" onClick={reset}>
            {t('sim.reset')}
          </button>
        </div>
      </section>
      <section className="sim-section" aria-label={t('sim.setpoints')}>
        <h3>{t('sim.setpoints')}</h3>
        {asset.controls.length === 0 && <p className="empty-hint">{t('sim.noControls')}</p>}
        {asset.controls.map((c) => {
          const actual = controlReadback(asset, c, ring.latest);
          return <ControlRow key={c.id} control={c} target={sim?.controls[c.id]} actual={actual} />;
        })}
      </section>
      <FaultPanel key={asset.id} asset={asset} faults={sim?.faults ?? []} />
    </>
  );
}
