/** Whether the fleet camera is flying: a point on screen only stays on its engine once it lands. */
export const fleetCameraFlight = { active: false };
