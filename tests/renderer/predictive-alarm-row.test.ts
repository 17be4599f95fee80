// The predictive alarm row in replay (server render): the alarm recorded in history is shown in its recorded
// state with no Ack (it was acknowledged, or not, live); one computed from the replayed rows says so.
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { PREDICTIVE_ALARM_ID, type PredictiveAlarm } from '../../core/alarms/predictive-alarm';
import type { TagDefinition } from '../../core/asset/schema';
import { PredictiveAlarmRow } from '../../renderer/src/features/live/PredictiveAlarmRow';
import { i18n } from '../../renderer/src/i18n/i18n';
import { playbackStore } from '../../renderer/src/state/playback-store';
import { predictiveAlarmStore } from '../../renderer/src/state/predictive-alarm-store';

const alarm: PredictiveAlarm = {
  id: PREDICTIVE_ALARM_ID,
  priority: 'medium',
  state: 'unack',
  active: true,
  raisedAt: Date.UTC(2026, 11, 7, 10),
  peakScore: 9.4,
  threshold: 4.2,
  why: ['flow'],
  componentId: 'flow_meter',
};
const tags = new Map<string, TagDefinition>([['flow', { id: 'flow', instrument: 'FT101' } as TagDefinition]]);

/** zustand renders the initial state on the server, so the stores' initial states are set. */
function render(recorded: PredictiveAlarm | null, replay: PredictiveAlarm | null): string {
  Object.assign(playbackStore.getInitialState(), { mode: 'replay' });
  Object.assign(predictiveAlarmStore.getInitialState(), { live: null, recorded, replay });
  return renderToString(h(PredictiveAlarmRow, { tagById: tags }));
}

afterEach(() => {
  Object.assign(playbackStore.getInitialState(), { mode: 'live' });
  Object.assign(predictiveAlarmStore.getInitialState(), { live: null, recorded: null, replay: null });
});

describe('predictive alarm row in replay', () => {
  it('shows the recorded alarm over a computed one, with its Ack disabled', async () => {
    await i18n.changeLanguage('en');
    const html = render(alarm, { ...alarm, why: ['pressure'], state: 'ack' });
    expect(html).toContain('data-source="recorded"');
    expect(html).toContain('data-state="unack"');
    expect(html).toContain('data-why="flow"');
    expect(html).toMatch(/data-testid="btn-ack-predictive" disabled=""/);
    expect(html).not.toContain('computed in replay');
  });

  it('marks one computed from the replayed rows, whose Ack is local and enabled', async () => {
    await i18n.changeLanguage('en');
    const html = render(null, alarm);
    expect(html).toContain('data-source="computed"');
    expect(html).toContain('(computed in replay)');
    expect(html).not.toMatch(/data-testid="btn-ack-predictive" disabled=""/);
    await i18n.changeLanguage('zh-CN');
    expect(render(null, alarm)).toContain('（回放中计算）');
    await i18n.changeLanguage('en');
  });
});
