import { readFileSync } from 'node:fs';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { decodeTelemetryFrame, encodeTelemetryFrame } from '../../core/api/telemetry-frame';
import type { SessionInfo } from '../../core/api/types';
import { assetSchema } from '../../core/asset/schema';
import { sessionStore } from '../../renderer/src/state/session-store';
import { ingestTelemetry, resetTelemetry } from '../../renderer/src/state/telemetry-store';
import { viewStore } from '../../renderer/src/state/view-store';
import { bearingTempAlarm } from './session-fixture';

const asset = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
const sim = {
  running: true,
  speed: 1000,
  achievedSpeed: 998,
  simTime: Date.UTC(2025, 0, 1, 12),
  seed: 1,
  controls: { speed_setpoint: 50 },
  faults: [
    {
      instanceId: 'f1',
      faultId: 'bearing_wear',
      severity: 0.9,
      growthPerHour: 0,
      onset: Date.UTC(2025, 0, 1, 11),
    },
  ],
};
const session: SessionInfo = {
  asset,
  assetSource: 'built-in',
  source: 'Pump-skid simulator (seed 1)',
  host: 'web',
  role: 'operator',
  versions: {},
  sim,
  alarms: [],
};

// zustand renders the initial state on the server, so the fixtures go there.
describe('side panel, status bar and dialogs (server render)', () => {
  it('render the rows, titles and test ids the e2e tests look for', async () => {
    Object.assign(sessionStore.getInitialState(), {
      connection: 'open',
      session,
      sim,
      alarms: [
        bearingTempAlarm(sim.simTime),
        {
          id: 'motor_current:trip-high',
          tagId: 'motor_current',
          componentId: 'motor',
          kind: 'trip-high',
          priority: 'high',
          state: 'shelved',
          active: true,
          limit: 155,
          value: 160,
          raisedAt: sim.simTime,
          shelvedUntil: Date.now() + 60000,
          message: 'Motor current trip',
        },
      ],
      assetError: {
        fileName: 'x.json',
        problems: [{ path: 'tags[0].unit', message: 'unknown unit "furlongs"' }],
      },
    });
    resetTelemetry(asset.tags.length);
    ingestTelemetry(
      decodeTelemetryFrame(
        encodeTelemetryFrame({
          assetId: asset.id,
          t: [sim.simTime],
          values: asset.tags.map((t) => [t.normal[0]]),
          quality: asset.tags.map((_, i) => [i === 3 ? 2 : 0]),
        }),
      ),
    );
    const { SidePanel } = await import('../../renderer/src/shell/SidePanel');
    const { StatusBar } = await import('../../renderer/src/shell/StatusBar');
    const { Toolbar } = await import('../../renderer/src/shell/Toolbar');
    const { AssetErrorDialog } = await import('../../renderer/src/shell/AssetErrorDialog');
    const live = renderToString(h(SidePanel, { tab: 'live', onTab: () => {} }));
    expect(live.match(/data-testid="tag-row"/g)).toHaveLength(28);
    expect(live).toContain('out of range');
    expect(live.match(/data-testid="alarm-row"/g)).toHaveLength(2);
    Object.assign(viewStore.getInitialState(), { selectedComponent: 'motor' });
    const sel = renderToString(h(SidePanel, { tab: 'selection', onTab: () => {} }));
    expect(sel).toContain('Induction motor 75 kW');
    expect(sel.match(/data-testid="selection-tag"/g)).toHaveLength(6);
    const simPanel = renderToString(h(SidePanel, { tab: 'simulation', onTab: () => {} }));
    expect(simPanel).toContain('data-testid="active-fault"');
    const status = renderToString(h(StatusBar));
    expect(status).toContain('2025-01-01 12:00:00');
    expect(status).toContain('1000× (998×)');
    renderToString(h(Toolbar, { onOpenAsset: () => {}, helpOpen: true, onToggleHelp: () => {} }));
    expect(renderToString(h(AssetErrorDialog))).toContain('tags[0].unit');
  });
});
