import { DEFAULT_PACE, SCENARIO_SCHEMA_VERSION, type ScenarioInput } from './schema';

/** Longest scenario title (the schema's limit). */
const MAX_TITLE = 120;

/** Why a recorded session cannot be saved under `title`, or null when it can. */
export function recordingTitleProblem(title: string): string | null {
  if (title.trim() === '') return 'title: enter a title for the recorded scenario';
  if (title.trim().length > MAX_TITLE) return `title: at most ${MAX_TITLE} characters`;
  return null;
}

/** What was observed during a live session, in simulated seconds since recording started. */
export type RecordedEvent =
  | { atS: number; kind: 'control'; controlId: string; value: number }
  | {
      atS: number;
      kind: 'fault';
      faultId: string;
      severity: number;
      growthPerHour: number;
      targetTag?: string;
    }
  | { atS: number; kind: 'camera'; componentId: string }
  | { atS: number; kind: 'alarm'; tagId: string; message: string }
  | { atS: number; kind: 'ack'; tagId: string; message: string };

export interface Recording {
  assetId: string;
  seed: number;
  speed: number;
  startedAt: number;
  initialControls: Record<string, number>;
  events: RecordedEvent[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'recorded';

/**
 * A recorded session as a scenario file: controls, faults and camera moves replay as its timeline; alarms
 * become captions, and each alarm the operator acknowledged becomes an expected "acknowledge" action. Throws
 * (naming the field) when the title is empty.
 */
export function recordingToScenario(rec: Recording, title: string, endS: number): ScenarioInput {
  const problem = recordingTitleProblem(title);
  if (problem) throw new Error(problem);
  const timeline: ScenarioInput['timeline'] = [];
  const expectedActions: NonNullable<ScenarioInput['expectedActions']> = [];
  const acked = new Set<string>();
  for (const e of rec.events) {
    const atS = Math.max(0, Math.round(e.atS));
    if (e.kind === 'control') timeline.push({ kind: 'control', atS, controlId: e.controlId, value: e.value });
    else if (e.kind === 'camera') timeline.push({ kind: 'camera', atS, componentId: e.componentId });
    else if (e.kind === 'fault') {
      const f = {
        kind: 'fault' as const,
        atS,
        faultId: e.faultId,
        severity: e.severity,
        growthPerHour: e.growthPerHour,
        hidden: true,
      };
      timeline.push(e.targetTag === undefined ? f : { ...f, targetTag: e.targetTag });
    } else if (e.kind === 'alarm')
      timeline.push({ kind: 'caption', atS, text: `Alarm: ${e.message}`, durationS: 60 });
    else if (!acked.has(e.tagId)) {
      acked.add(e.tagId);
      expectedActions.push({
        kind: 'ack-alarm',
        id: slug(`ack-${e.tagId}`),
        description: `Acknowledge the ${e.tagId} alarm within 2 minutes`,
        tagId: e.tagId,
        withinS: 120,
        points: 10,
      });
    }
  }
  return {
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    id: slug(title),
    title: title.trim(),
    assetId: rec.assetId,
    summary: `Recorded live session (${timeline.length} events, seed ${rec.seed}).`,
    seed: rec.seed,
    pace: { ...DEFAULT_PACE, fastForward: rec.speed },
    initialControls: rec.initialControls,
    durationS: Math.max(60, Math.round(endS)),
    timeline: timeline.sort((a, b) => a.atS - b.atS),
    expectedActions,
  };
}
