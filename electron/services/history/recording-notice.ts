import type { HistoryRecording } from '../../../core/api/domains/history';

/** The notice for a change of recording state: paused (commits fail) or resumed (a commit succeeded again). */
export function recordingNotice(state: HistoryRecording): { level: 'warning' | 'info'; message: string } {
  if (state.pausedReason !== null)
    return {
      level: 'warning',
      message:
        `History paused: ${state.pausedReason}. Live samples are kept in memory (up to a limit; the oldest are ` +
        `dropped beyond it) and stored as soon as the disk accepts writes again.`,
    };
  const lost = state.samplesNotStored;
  return {
    level: 'info',
    message:
      lost > 0
        ? `History resumed: recording again; ${lost} samples could not be stored while the disk failed.`
        : 'History resumed: recording again; no samples were lost.',
  };
}

/** The recording state of a service without an open store. */
export const NOT_RECORDING: HistoryRecording = { pausedReason: null, samplesNotStored: 0, pendingSamples: 0 };
