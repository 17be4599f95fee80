import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyConnections,
  connectionsStore,
  controlDrive,
  resetConnections,
  runsLive,
  toggleConnectionsPanel,
} from '../../renderer/src/state/connections-store';
import { liveSnapshot, NOW, tagStatus } from './connections-fixture';

beforeEach(() => connectionsStore.setState(connectionsStore.getInitialState(), true));

describe('connections store', () => {
  it('takes a snapshot of the running asset and indexes its tags', () => {
    applyConnections(liveSnapshot(), 'pump-skid', NOW);
    const s = connectionsStore.getState();
    expect(s.snapshot?.mode).toBe('live');
    expect(s.receivedAt).toBe(NOW);
    expect(s.byTag.get('bearing_de_temp')?.where).toBe('plant/p101/bearing_de_temp /value');
    expect(runsLive(s)).toBe(true);
  });

  it('ignores a late snapshot of the asset that ran before', () => {
    applyConnections(liveSnapshot(), 'pump-skid', NOW);
    applyConnections(liveSnapshot({ assetId: 'old-asset', tags: [tagStatus('x')] }), 'pump-skid', NOW + 500);
    expect(connectionsStore.getState().byTag.has('x')).toBe(false);
    expect(connectionsStore.getState().receivedAt).toBe(NOW);
  });

  it('forgets the snapshot on reset but keeps the panel as it was', () => {
    toggleConnectionsPanel();
    applyConnections(liveSnapshot(), null, NOW);
    resetConnections();
    const s = connectionsStore.getState();
    expect(s.snapshot).toBeNull();
    expect(s.byTag.size).toBe(0);
    expect(s.panelOpen).toBe(true);
    toggleConnectionsPanel();
    expect(connectionsStore.getState().panelOpen).toBe(false);
  });
});

describe('which controls can be written', () => {
  it('leaves every control to the simulator outside live mode', () => {
    expect(controlDrive(null, 'speed_setpoint')).toBe('simulator');
    expect(controlDrive(liveSnapshot({ mode: 'simulator' }), 'valve_setpoint')).toBe('simulator');
  });

  it('writes only the controls the asset marks writable; the others are read-only', () => {
    const snapshot = liveSnapshot();
    expect(controlDrive(snapshot, 'speed_setpoint')).toBe('writable');
    expect(controlDrive(snapshot, 'valve_setpoint')).toBe('read-only');
    expect(controlDrive(liveSnapshot({ writableControls: [] }), 'speed_setpoint')).toBe('read-only');
  });
});
