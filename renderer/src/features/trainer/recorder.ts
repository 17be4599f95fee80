import { createStore } from 'zustand/vanilla';
import type { Alarm, SimStatus } from '../../../../core/api/types';
import {
  recordingTitleProblem,
  recordingToScenario,
  type RecordedEvent,
  type Recording,
} from '../../../../core/scenario/recording';
import { getTwinClient } from '../../api/client';
import { sessionStore } from '../../state/session-store';
import { viewStore } from '../../state/view-store';
import { downloadText } from './download';

export const recorderStore = createStore<{ recording: Recording | null }>(() => ({ recording: null }));

let stop: (() => void) | null = null;

/**
 * Records a drill on a fresh simulator with the current seed (so the file replays exactly), in a sandbox run
 * with a history of its own while the plant is parked: setpoint changes, injected faults, camera focus, alarms
 * and acknowledgements.
 */
export async function startRecording(): Promise<void> {
  const client = getTwinClient();
  const seed = sessionStore.getState().sim?.seed ?? 1;
  await client.trainerCommand({ kind: 'record-start', seed });
  const { sim } = await client.getSession({});
  const asset = sessionStore.getState().session?.asset;
  if (!asset) return;
  const rec: Recording = {
    assetId: asset.id,
    seed,
    speed: sim.speed,
    startedAt: sim.simTime,
    initialControls: { ...sim.controls },
    events: [],
  };
  recorderStore.setState({ recording: rec });
  let last: SimStatus = sim;
  let alarms = new Map<string, Alarm>();
  const at = () => ((sessionStore.getState().sim?.simTime ?? rec.startedAt) - rec.startedAt) / 1000;
  const push = (e: RecordedEvent) => rec.events.push(e);
  const offSession = sessionStore.subscribe((s) => {
    if (s.sim && s.sim !== last) {
      for (const [id, v] of Object.entries(s.sim.controls))
        if (last.controls[id] !== v) push({ atS: at(), kind: 'control', controlId: id, value: v });
      const known = new Set(last.faults.map((f) => f.instanceId));
      for (const f of s.sim.faults)
        if (!known.has(f.instanceId)) {
          const base = {
            atS: at(),
            kind: 'fault' as const,
            faultId: f.faultId,
            severity: f.severity,
            growthPerHour: f.growthPerHour,
          };
          push(f.targetTag === undefined ? base : { ...base, targetTag: f.targetTag });
        }
      last = s.sim;
    }
    const next = new Map(s.alarms.map((a) => [a.id, a]));
    for (const a of s.alarms) {
      const before = alarms.get(a.id);
      if (!before)
        push({
          atS: Math.max(0, (a.raisedAt - rec.startedAt) / 1000),
          kind: 'alarm',
          tagId: a.tagId,
          message: a.message,
        });
      else if (before.state === 'unack' && a.state === 'ack')
        push({ atS: at(), kind: 'ack', tagId: a.tagId, message: a.message });
    }
    alarms = next;
  });
  const offView = viewStore.subscribe((v, prev) => {
    const id = v.focus?.componentId ?? v.selectedComponent;
    if (id && (v.focus !== prev.focus || v.selectedComponent !== prev.selectedComponent))
      push({ atS: at(), kind: 'camera', componentId: id });
  });
  stop = () => {
    offSession();
    offView();
  };
}

/**
 * Stops recording and downloads the session as one self-contained scenario file. Without a usable title it
 * keeps recording and returns why (the file could not be opened again); null once saved.
 */
export function stopRecording(title: string): string | null {
  const rec = recorderStore.getState().recording;
  if (!rec) return null;
  const problem = recordingTitleProblem(title);
  if (problem) return problem;
  stop?.();
  stop = null;
  recorderStore.setState({ recording: null });
  void getTwinClient()
    .trainerCommand({ kind: 'record-stop' })
    .catch(() => undefined);
  const endS = ((sessionStore.getState().sim?.simTime ?? rec.startedAt) - rec.startedAt) / 1000;
  const scenario = recordingToScenario(rec, title, endS);
  downloadText(`${scenario.id}.json`, `${JSON.stringify(scenario, null, 2)}\n`, 'application/json');
  return null;
}
