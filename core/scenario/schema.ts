import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from './localized-text';

export const SCENARIO_SCHEMA_VERSION = 3;

const atS = z
  .number()
  .min(0)
  .max(30 * 86_400);
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "-" or "_" (max 64)');

/** Narration shown over the 3D view from atS for durationS seconds of simulated time. */
const captionEvent = z
  .object({
    kind: z.literal('caption'),
    atS,
    text: localizedTextSchema({ max: 600 }),
    durationS: z.number().positive().max(86_400).default(30),
  })
  .strict();
/** Frames the camera on a component. */
const cameraEvent = z
  .object({ kind: z.literal('camera'), atS, componentId: z.string().min(1).max(64) })
  .strict();
/** Starts a fault; hidden faults are listed only in the presenter view. */
const faultEvent = z
  .object({
    kind: z.literal('fault'),
    atS,
    faultId: z.string().min(1).max(64),
    severity: z.number().min(0).max(1),
    growthPerHour: z.number().min(0).max(100).default(0),
    targetTag: z.string().min(1).max(64).optional(),
    hidden: z.boolean().default(true),
  })
  .strict();
/** Changes a setpoint, as the scenario's script (not the trainee). */
const controlEvent = z
  .object({
    kind: z.literal('control'),
    atS,
    controlId: z.string().min(1).max(64),
    value: z.number().finite(),
  })
  .strict();
/** Pauses the simulation and asks a multiple-choice question; play resumes once it is answered. */
const questionEvent = z
  .object({
    kind: z.literal('question'),
    atS,
    id,
    prompt: localizedTextSchema({ max: 600 }),
    choices: z
      .array(localizedTextSchema({ max: 200 }))
      .min(2)
      .max(6),
    /** Index of the right choice. */
    correct: z.number().int().min(0),
    explanation: localizedTextSchema({ max: 600, allowEmpty: true }).optional(),
    points: z.number().int().min(0).max(100).default(10),
  })
  .strict()
  .refine((q) => q.correct < q.choices.length, {
    message: 'correct must index one of the choices',
    path: ['correct'],
  });
/** Pauses the simulation (the presenter resumes with play). */
const pauseEvent = z
  .object({
    kind: z.literal('pause'),
    atS,
    note: localizedTextSchema({ max: 300, allowEmpty: true }).optional(),
  })
  .strict();

export const timelineEventSchema = z.discriminatedUnion('kind', [
  captionEvent,
  cameraEvent,
  faultEvent,
  controlEvent,
  questionEvent,
  pauseEvent,
]);

/** When an expected action's clock starts. */
const anchor = z.union([z.literal('start'), z.literal('first-alarm'), z.object({ atS }).strict()]);

/** Something the trainee should do, and the points for doing it in time. */
export const expectedActionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('ack-alarm'),
      id,
      description: localizedTextSchema({ max: 300 }),
      /** Only alarms of this tag count (any alarm when absent). */
      tagId: z.string().min(1).max(64).optional(),
      withinS: z.number().positive().max(86_400),
      points: z.number().int().min(0).max(100),
    })
    .strict(),
  z
    .object({
      kind: z.literal('set-control'),
      id,
      description: localizedTextSchema({ max: 300 }),
      controlId: z.string().min(1).max(64),
      /** The setpoint must go below or above this value. */
      direction: z.enum(['below', 'above']),
      value: z.number().finite(),
      from: anchor.default('start'),
      /** Deadline after the anchor; absent means any time before a trip or the end. */
      withinS: z.number().positive().max(86_400).optional(),
      /** The action only counts if no trip limit was crossed before it. */
      beforeTrip: z.boolean().default(false),
      points: z.number().int().min(0).max(100),
    })
    .strict(),
]);

/**
 * How fast the scenario plays: fast-forward between the trainee's actions, and the action's own pace (real
 * time by default) while one is expected, so "acknowledge within 2 minutes" gives two minutes on the clock.
 */
export const paceSchema = z
  .object({
    /** Simulated seconds per wall second between action windows. */
    fastForward: z.number().min(1).max(1000).default(60),
    /** Simulated seconds per wall second inside an action window (1 = real time). */
    actionWindow: z.number().min(1).max(1000).default(1),
    /** How long an expected action without a deadline keeps the action pace after its clock starts, in s. */
    openActionS: z.number().positive().max(86_400).default(180),
  })
  .strict();

export const DEFAULT_PACE = { fastForward: 60, actionWindow: 1, openActionS: 180 } as const;

/** Title of a scenario file whose title is empty (recorded before a title was required). */
export const UNTITLED_SCENARIO = 'Untitled scenario';

/** A title with its blanks trimmed; an empty English title is UNTITLED_SCENARIO, an empty translation none. */
function withTitle(title: LocalizedText): LocalizedText {
  const zh = title['zh-CN']?.trim();
  return { en: title.en.trim() || UNTITLED_SCENARIO, ...(zh ? { 'zh-CN': zh } : {}) };
}

export const scenarioSchema = z
  .object({
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    id,
    /** Shown in the scenario list; a file saved with its title cleared opens as UNTITLED_SCENARIO. */
    title: localizedTextSchema({ max: 120, allowEmpty: true }).transform(withTitle),
    /** Asset the scenario is written for. */
    assetId: z.string().min(1).max(64),
    /** Plant fault the story is about (for the list; the timeline does the injecting). */
    faultType: z.string().min(1).max(64).optional(),
    summary: localizedTextSchema({ max: 1000 }),
    /** Simulator seed: restart replays the same plant. */
    seed: z.number().int().nonnegative(),
    pace: paceSchema.default({ ...DEFAULT_PACE }),
    /** Setpoints at the start, before the timeline. */
    initialControls: z.record(z.string(), z.number().finite()).default({}),
    /** Simulated length; the scenario finishes there. */
    durationS: z
      .number()
      .positive()
      .max(7 * 86_400),
    timeline: z.array(timelineEventSchema).max(500),
    expectedActions: z.array(expectedActionSchema).max(50).default([]),
  })
  .strict();

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
export type ExpectedAction = z.output<typeof expectedActionSchema>;
export type QuestionEvent = Extract<TimelineEvent, { kind: 'question' }>;
export type ScenarioPace = z.output<typeof paceSchema>;
