/** "+12 min", or hours past two hours: a time after the what-if's fork. */
export const formatAfterFork = (minutes: number): string =>
  minutes < 120 ? `+${Math.round(minutes)} min` : `+${(minutes / 60).toFixed(1)} h`;
