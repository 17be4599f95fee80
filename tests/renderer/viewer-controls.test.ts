// Every control that calls an operator method is disabled for a viewer, with a tooltip naming the action.
import { readFileSync } from 'node:fs';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../core/api/roles';
import type { Alarm, SessionInfo, SimStatus } from '../../core/api/types';
import { assetSchema } from '../../core/asset/schema';
import { idleTrainerState } from '../../core/scenario/trainer-state';
import { sessionStore } from '../../renderer/src/state/session-store';
import { trainerStore } from '../../renderer/src/features/trainer/trainer-store';

const asset = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
const sim: SimStatus = {
  running: true,
  speed: 1,
  achievedSpeed: 1,
  simTime: Date.UTC(2025, 0, 1, 12),
  seed: 1,
  controls: {},
  faults: [],
};
const alarms: Alarm[] = [
  {
    id: 'bearing_de_temp:alarm-high',
    tagId: 'bearing_de_temp',
    componentId: 'bearing_de',
    kind: 'alarm-high',
    priority: 'medium',
    state: 'unack',
    active: true,
    limit: 90,
    value: 92,
    raisedAt: sim.simTime,
    message: 'Pump DE bearing temperature high',
  },
];
const session = (role: Role): SessionInfo => ({
  asset,
  assetSource: 'built-in',
  source: 'Pump-skid simulator (seed 1)',
  host: 'web',
  role,
  versions: {},
  sim,
  alarms,
});

/** Server-renders the alarm list, trainer, what-if panel and retention setting as `role` sees them. */
async function renderAs(role: Role): Promise<string> {
  // zustand renders the initial state on the server, so the fixtures go there.
  Object.assign(sessionStore.getInitialState(), { connection: 'open', session: session(role), sim, alarms });
  Object.assign(trainerStore.getInitialState(), {
    state: idleTrainerState(),
    scenarios: [
      {
        id: 'cavitation',
        title: 'Cavitation',
        summary: '',
        faultType: null,
        durationS: 600,
        speed: 10,
        source: 'built-in',
      },
    ],
  });
  const { AlarmList } = await import('../../renderer/src/features/live/AlarmList');
  const { TrainerPanel } = await import('../../renderer/src/features/trainer/TrainerPanel');
  const { WhatIfPanel } = await import('../../renderer/src/features/whatif/panel/WhatIfPanel');
  const { RetentionSetting } = await import('../../renderer/src/features/history/dialog/RetentionSetting');
  return [
    renderToString(h(AlarmList)),
    renderToString(h(TrainerPanel)),
    renderToString(h(WhatIfPanel)),
    renderToString(h(RetentionSetting, { retentionDays: 30, onSaved: () => undefined })),
  ].join('\n');
}

/** The opening tag of the element with this test id. */
function tagOf(html: string, testId: string): string {
  const tag = new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no element with data-testid="${testId}" in the rendered panels`);
  return tag;
}

const CONTROLS: [testId: string, action: string][] = [
  ['btn-ack', 'acknowledging or shelving an alarm'],
  ['btn-ack-all', 'acknowledging or shelving an alarm'],
  ['btn-shelve-15', 'acknowledging or shelving an alarm'],
  ['trainer-load', 'running a training scenario'],
  ['trainer-open-file', 'opening a scenario file'],
  ['trainer-record', 'changing the simulator'],
  ['whatif-apply', 'applying setpoints to the live plant'],
  ['history-retention-days', 'changing the retention'],
];

describe('controls that change the plant or its records', () => {
  it('are disabled for a viewer, each saying which action needs the operator role', async () => {
    const html = await renderAs('viewer');
    for (const [testId, action] of CONTROLS) {
      const tag = tagOf(html, testId);
      expect(tag, testId).toContain('disabled=""');
      expect(tag, testId).toContain(`title="Viewer session: ${action} needs the operator role"`);
    }
  });

  it('are enabled for an operator', async () => {
    const html = await renderAs('operator');
    for (const [testId] of CONTROLS) {
      const tag = tagOf(html, testId);
      expect(tag, testId).not.toContain('disabled=""');
      expect(tag, testId).not.toContain('Viewer session');
    }
  });
});
