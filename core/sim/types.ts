// Simulator status as the simulator reports it and the TwinApi sends it.
export interface ActiveFault {
  instanceId: string;
  faultId: string;
  severity: number;
  growthPerHour: number;
  /** Simulated time of onset, ms since epoch. */
  onset: number;
  targetTag?: string;
}

export interface SimStatus {
  running: boolean;
  /** Requested speed: simulated seconds per wall second. */
  speed: number;
  /** Measured speed over the last seconds. */
  achievedSpeed: number;
  /** Simulated time, ms since epoch. */
  simTime: number;
  seed: number;
  controls: Record<string, number>;
  faults: ActiveFault[];
}
