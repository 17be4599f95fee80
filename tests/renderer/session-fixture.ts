// The built-in pump skid as a connected session, for server-rendering panels in tests.
import { readFileSync } from 'node:fs';
import type { Role } from '../../core/api/roles';
import type { Alarm, SessionInfo, SimStatus } from '../../core/api/types';
import { assetSchema } from '../../core/asset/schema';

export const pumpSkidAsset = assetSchema.parse(
  JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')),
);

/** The simulator running at 1× with no faults, at noon on 1 January 2025. */
export const runningSim: SimStatus = {
  running: true,
  speed: 1,
  achievedSpeed: 1,
  simTime: Date.UTC(2025, 0, 1, 12),
  seed: 1,
  controls: {},
  faults: [],
};

/** An unacknowledged medium alarm on the DE bearing temperature, raised at `raisedAt`. */
export const bearingTempAlarm = (raisedAt: number): Alarm => ({
  id: 'bearing_de_temp:alarm-high',
  tagId: 'bearing_de_temp',
  componentId: 'bearing_de',
  kind: 'alarm-high',
  priority: 'medium',
  state: 'unack',
  active: true,
  limit: 90,
  value: 92,
  raisedAt,
  message: 'Pump DE bearing temperature high',
});

/** The web-mode session a client with `role` sees. */
export const webSessionAs = (role: Role, sim: SimStatus = runningSim, alarms: Alarm[] = []): SessionInfo => ({
  asset: pumpSkidAsset,
  assetSource: 'built-in',
  source: 'Pump-skid simulator (seed 1)',
  host: 'web',
  role,
  versions: {},
  sim,
  alarms,
});
