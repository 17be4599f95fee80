// Trainer part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in trainerRequestSchemas must appear in TrainerApi with the same name.
import { z } from 'zod';
import type { ScenarioProblem } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import type { ScenarioSummary, TrainerState } from '../../scenario/trainer-state';

/** Request schemas of the trainer methods, validated on arrival by the backend. */
export const trainerRequestSchemas = {
  trainerListScenarios: z.object({}).strict(),
  trainerOpenScenario: z
    .object({ fileName: z.string().min(1).max(512), text: z.string().max(2_000_000) })
    .strict(),
  trainerGetScenario: z.object({ scenarioId: z.string().min(1).max(64) }).strict(),
  trainerCommand: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('load'), scenarioId: z.string().min(1).max(64) }).strict(),
    z.object({ kind: z.literal('play') }).strict(),
    z.object({ kind: z.literal('pause') }).strict(),
    /** Runs to the next timeline event (or the end) and pauses there. */
    z.object({ kind: z.literal('step') }).strict(),
    /** Resets the simulator with the scenario's seed and starts again. */
    z.object({ kind: z.literal('restart') }).strict(),
    /** Leaves the scenario: the plant goes on where it was parked. */
    z.object({ kind: z.literal('stop') }).strict(),
    /** Records a drill on a fresh simulator with this seed, in a sandbox run of its own (the plant is parked). */
    z.object({ kind: z.literal('record-start'), seed: z.number().int().nonnegative() }).strict(),
    /** Ends the recorded drill's run: the plant goes on where it was parked. */
    z.object({ kind: z.literal('record-stop') }).strict(),
  ]),
  trainerAnswer: z
    .object({ questionId: z.string().min(1).max(64), choice: z.number().int().min(0).max(10) })
    .strict(),
  trainerState: z.object({}).strict(),
} as const;

export type OpenScenarioResult =
  { ok: true; scenario: ScenarioSummary } | { ok: false; fileName: string; problems: ScenarioProblem[] };

/** Trainer methods of the TwinApi. */
export interface TrainerApi {
  /** Built-in scenarios and those opened this session. */
  trainerListScenarios(req: Record<string, never>): Promise<ScenarioSummary[]>;
  /** Validates a scenario file and adds it to the list; a bad file gives problems naming the field. */
  trainerOpenScenario(
    req: z.input<(typeof trainerRequestSchemas)['trainerOpenScenario']>,
  ): Promise<OpenScenarioResult>;
  /** The full scenario (for the presenter and for saving). */
  trainerGetScenario(req: z.input<(typeof trainerRequestSchemas)['trainerGetScenario']>): Promise<Scenario>;
  /** Load, play, pause, step, restart or stop the scenario on the live simulator. */
  trainerCommand(req: z.input<(typeof trainerRequestSchemas)['trainerCommand']>): Promise<TrainerState>;
  /** Answers the open question; play resumes. */
  trainerAnswer(req: z.input<(typeof trainerRequestSchemas)['trainerAnswer']>): Promise<TrainerState>;
  trainerState(req: Record<string, never>): Promise<TrainerState>;
}

/** Events the backend pushes for this domain. */
export type TrainerEvent = { type: 'trainer-state'; state: TrainerState };
