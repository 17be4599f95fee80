// Every control that calls an operator method is disabled for a viewer, with a tooltip naming the action.
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../core/api/roles';
import type { Alarm } from '../../core/api/types';
import { idleTrainerState } from '../../core/scenario/trainer-state';
import { sessionStore } from '../../renderer/src/state/session-store';
import { trainerStore } from '../../renderer/src/features/trainer/trainer-store';
import { bearingTempAlarm, runningSim, webSessionAs } from './session-fixture';

const sim = runningSim;
const alarms: Alarm[] = [bearingTempAlarm(sim.simTime)];
const session = (role: Role) => webSessionAs(role, sim, alarms);

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
