// History part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in historyRequestSchemas must appear in HistoryApi with the same name.

/** Request schemas of the history methods, validated on arrival by the backend. */
export const historyRequestSchemas = {} as const;

/** History methods of the TwinApi. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HistoryApi {}

/** Events the backend pushes for this domain. */
export type HistoryEvent = never;
