import type { AssetDefinition } from '../../../../../core/asset/schema';
import { controlDrive, openConnectionsPanel } from '../../../state/connections-store';
import { useConnections } from '../../../state/use-store';
import { telemetryStore } from '../../../state/telemetry-store';
import { controlReadback } from '../tag-groups';
import { LiveControlRow } from './LiveControlRow';
import { writeConnection } from './connection-address';
import './live-controls.css';

/** The simulator panel while the asset runs from its live sources: setpoints as the plant allows them. */
export function LiveSetpoints({ asset }: { asset: AssetDefinition }) {
  const snapshot = useConnections((s) => s.snapshot);
  const ring = telemetryStore.getState().ring;
  return (
    <>
      <section className="sim-section" aria-label="Live sources" data-testid="live-source-note">
        <h3>Live sources</h3>
        <p className="control-note">
          The asset runs from its live sources, not from the simulator: run, pause, speed, reset, fault
          injection and the trainer do not apply.
        </p>
        <div>
          <button type="button" onClick={openConnectionsPanel} title="Connections panel (C)">
            Connections…
          </button>
        </div>
      </section>
      <section className="sim-section" aria-label="Setpoints">
        <h3>Setpoints</h3>
        {asset.controls.length === 0 && <p className="empty-hint">This asset has no controls.</p>}
        {asset.controls.map((c) => {
          const actual = controlReadback(asset, c, ring.latest);
          const drive = controlDrive(snapshot, c.id);
          return (
            <LiveControlRow
              key={c.id}
              control={c}
              actual={actual}
              drive={drive === 'simulator' ? 'read-only' : drive}
              connection={writeConnection(asset, snapshot, c.id)}
            />
          );
        })}
      </section>
    </>
  );
}
