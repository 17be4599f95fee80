import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('live');
  const snapshot = useConnections((s) => s.snapshot);
  const ring = telemetryStore.getState().ring;
  return (
    <>
      <section
        className="sim-section"
        aria-label={t('liveSetpoints.sourcesTitle')}
        data-testid="live-source-note"
      >
        <h3>{t('liveSetpoints.sourcesTitle')}</h3>
        <p className="control-note">{t('liveSetpoints.sourcesNote')}</p>
        <div>
          <button type="button" onClick={openConnectionsPanel} title={t('liveSetpoints.connectionsTitle')}>
            {t('liveSetpoints.connections')}
          </button>
        </div>
      </section>
      <section className="sim-section" aria-label={t('liveSetpoints.title')}>
        <h3>{t('liveSetpoints.title')}</h3>
        {asset.controls.length === 0 && <p className="empty-hint">{t('liveSetpoints.noControls')}</p>}
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
