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
  /**
   * A sandbox run the simulator plays instead of the plant (a trainer scenario or a recorded drill): it keeps
   * its own history, and the plant is parked until it ends. Null or absent while the plant runs.
   */
  run?: SandboxRun | null;
}

export interface SandboxRun {
  /** Also the name of the run's history store. */
  id: string;
  kind: 'scenario' | 'recording';
  title: string;
}
