import type { AssetDefinition } from '../../../../../core/asset/schema';
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
  useThrottledTelemetryVersion(250);
  const asset = useSession((s) => s.session?.asset ?? null);
  const sim = useSession((s) => s.sim ?? s.session?.sim ?? null);
  const viewer = useSession(isViewerSession);
  const live = useConnections(runsLive);
  if (!asset) return <div className="empty-hint">Waiting for the backend…</div>;

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
          Read-only: this is a viewer session.
        </p>
      )}
      {live ? <LiveSetpoints asset={asset} /> : <SimulatorSections asset={asset} sim={sim} />}
    </fieldset>
  );
}

function SimulatorSections({ asset, sim }: { asset: AssetDefinition; sim: SimStatus | null }) {
  const ring = telemetryStore.getState().ring;
  const running = sim?.running ?? false;
  const reset = () => {
    if (window.confirm('Reset the simulator? Simulated time, state and injected faults start over.'))
      void simCommand({ kind: 'reset' });
  };
  return (
    <>
      <section className="sim-section" aria-label="Simulator">
        <h3>Simulator</h3>
        <div className="sim-controls">
          <button
            type="button"
            className={`primary with-icon run-pause ${running ? 'is-running' : ''}`}
            data-testid="btn-run-pause"
            data-running={running}
            onClick={toggleRunPause}
            title="Run / pause (Space)"
          >
            <Icon name={running ? 'pause' : 'play'} />
            {running ? 'Pause' : 'Run'}
          </button>
          <label className="inline-field">
            <span>Speed</span>
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
            <span className="muted num" title="Achieved speed">
              achieved {formatFactor(sim.achievedSpeed)}
            </span>
          )}
          <span className="section-spacer" />
          <button type="button" data-testid="btn-reset" onClick={reset}>
            Reset…
          </button>
        </div>
      </section>
      <section className="sim-section" aria-label="Setpoints">
        <h3>Setpoints</h3>
        {asset.controls.length === 0 && <p className="empty-hint">This asset has no controls.</p>}
        {asset.controls.map((c) => {
          const actual = controlReadback(asset, c, ring.latest);
          return <ControlRow key={c.id} control={c} target={sim?.controls[c.id]} actual={actual} />;
        })}
      </section>
      <FaultPanel key={asset.id} asset={asset} faults={sim?.faults ?? []} />
    </>
  );
}
