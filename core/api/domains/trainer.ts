// Trainer part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in trainerRequestSchemas must appear in TrainerApi with the same name.

/** Request schemas of the trainer methods, validated on arrival by the backend. */
export const trainerRequestSchemas = {} as const;

/** Trainer methods of the TwinApi. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrainerApi {}

/** Events the backend pushes for this domain. */
export type TrainerEvent = never;
