// Fleet part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in fleetRequestSchemas must appear in FleetApi with the same name.

/** Request schemas of the fleet methods, validated on arrival by the backend. */
export const fleetRequestSchemas = {} as const;

/** Fleet methods of the TwinApi. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FleetApi {}

/** Events the backend pushes for this domain. */
export type FleetEvent = never;
