// What the Connections panel, the status bar and the simulator panel show for live sources (server-rendered).
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectionsSnapshot } from '../../core/api/domains/connections';
import type { Role } from '../../core/api/roles';
import { assetSchema } from '../../core/asset/schema';
import { connectionsStore } from '../../renderer/src/state/connections-store';
import { sessionStore } from '../../renderer/src/state/session-store';
import { liveSnapshot, mqttConnection, opcuaConnection, tagStatus } from './connections-fixture';
import { pumpSkidAsset, runningSim, webSessionAs } from './session-fixture';

const liveAsset = assetSchema.parse({
  ...pumpSkidAsset,
  sources: {
    use: 'live',
    connections: [{ id: 'plant-broker', kind: 'mqtt', url: 'mqtt://127.0.0.1:1883' }],
    bindings: [{ tag: 'motor_speed', connection: 'plant-broker', topic: 'plant/p101/motor_speed' }],
    writes: [
      { control: 'speed_setpoint', connection: 'plant-broker', topic: 'plant/p101/set', writable: true },
    ],
  },
});

/** Puts a session and a snapshot where zustand reads them on the server (the stores' initial state). */
function given(snapshot: ConnectionsSnapshot, role: Role = 'operator'): void {
  Object.assign(sessionStore.getInitialState(), {
    connection: 'open',
    session: { ...webSessionAs(role), asset: liveAsset },
    sim: runningSim,
  });
  Object.assign(connectionsStore.getInitialState(), {
    snapshot,
    byTag: new Map(snapshot.tags.map((t) => [t.tagId, t])),
    receivedAt: Date.now(),
    panelOpen: true,
  });
}

async function panel(): Promise<string> {
  const { ConnectionsDialog } = await import('../../renderer/src/features/connections/ConnectionsDialog');
  return renderToString(h(ConnectionsDialog));
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");

describe('Connections panel', () => {
  it('shows a failed broker with its address and reason, and its tags never received', async () => {
    given(
      liveSnapshot({
        connections: [
          mqttConnection({
            state: 'failed',
            error: 'connection refused by mqtt://127.0.0.1:1883',
            messagesPerSecond: 0,
            lastMessageAt: null,
          }),
        ],
        tags: [tagStatus('motor_speed', { lastValueAt: null })],
      }),
    );
    const shown = text(await panel());
    expect(shown).toContain('mqtt://127.0.0.1:1883');
    expect(shown).toContain('Failed');
    expect(shown).toContain('connection refused by mqtt://127.0.0.1:1883');
    expect(shown).toContain('never received');
    expect(shown).toContain('SI101 Motor speed');
  });

  it('counts down a reconnect and asks for trust in an OPC UA server certificate', async () => {
    given(
      liveSnapshot({
        connections: [
          opcuaConnection({
            state: 'reconnecting',
            nextRetryAt: Date.now() + 4000,
            error: 'certificate not trusted',
            untrustedCertificate: {
              thumbprint: '3f2a9c01d4e5b6a7980f1e2d3c4b5a6978877665',
              subject: 'CN=SkidPLC',
            },
          }),
        ],
      }),
    );
    const shown = text(await panel());
    expect(shown).toContain('next try in 4 s');
    expect(shown).toContain("The server's certificate is not trusted yet");
    expect(shown).toContain('3F2A 9C01 D4E5 B6A7 980F 1E2D 3C4B 5A69 7887 7665');
    expect(shown).toContain('Trust this certificate…');
  });

  it('warns of dropped samples and clock skew, and offers the source switch', async () => {
    given(liveSnapshot({ droppedSamples: 1234, clockSkewWarning: 'source clock 7 s ahead' }));
    const html = await panel();
    expect(text(html)).toContain('1,234 samples were dropped');
    expect(text(html)).toContain('source clock 7 s ahead');
    expect(html).toContain('data-testid="source-mode-live"');
  });

  it('disables the operator buttons of a viewer, saying why', async () => {
    given(liveSnapshot({ connections: [mqttConnection({ state: 'disconnected' })] }), 'viewer');
    const html = await panel();
    const connect = /<button[^>]*data-testid="btn-connect"[^>]*>/.exec(html)?.[0] ?? '';
    expect(connect).toContain('disabled');
    expect(connect).toContain('needs the operator role');
  });
});

describe('status bar source', () => {
  it('keeps the simulator text, and sums up live sources', async () => {
    const { SourceStatus } = await import('../../renderer/src/features/connections/SourceStatus');
    given(liveSnapshot({ mode: 'simulator', connections: [], tags: [] }));
    expect(text(renderToString(h(SourceStatus, { source: 'Pump-skid simulator (seed 1)' })))).toBe(
      'Pump-skid simulator (seed 1)',
    );
    given(
      liveSnapshot({
        connections: [mqttConnection(), opcuaConnection({ state: 'failed' })],
        droppedSamples: 12,
      }),
    );
    const html = renderToString(h(SourceStatus, { source: 'Live: MQTT' }));
    expect(text(html)).toContain('Live · MQTT + OPC UA · 1/2 connected · 16.0 msg/s');
    expect(text(html)).toContain('dropped 12 samples');
    expect(html).toContain('data-health="degraded"');
  });
});

describe('simulation panel from live sources', () => {
  it('hides the simulator controls and writes only writable setpoints', async () => {
    given(liveSnapshot());
    const { SimulationPanel } = await import('../../renderer/src/features/live/simulation/SimulationPanel');
    const html = renderToString(h(SimulationPanel));
    expect(html).not.toContain('data-testid="btn-run-pause"');
    expect(html).toContain('data-testid="control-write-speed_setpoint"');
    expect(html).not.toContain('data-testid="control-write-valve_setpoint"');
    expect(text(html)).toContain('read-only on the live source');
  });
});
