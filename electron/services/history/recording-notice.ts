import type { HistoryRecording } from '../../../core/api/domains/history';
import { said, type Said } from '../../../core/text/phrase';

/** The notice for a change of recording state: paused (commits fail) or resumed (a commit succeeded again). */
export function recordingNotice(state: HistoryRecording): { level: 'warning' | 'info' } & Said {
  const detail = state.pausedReason;
  if (detail !== null)
    return {
      level: 'warning',
      ...said(
        'historyPaused',
        { detail },
        `History paused: ${detail}. Live samples are kept in memory (up to a limit; the oldest are ` +
          `dropped beyond it) and stored as soon as the disk accepts writes again.`,
      ),
    };
  const samples = state.samplesNotStored;
  return {
    level: 'info',
    ...(samples > 0
      ? said(
          'historyResumedLost',
          { samples },
          `History resumed: recording again; ${samples} samples could not be stored while the disk failed.`,
        )
      : said('historyResumed', {}, 'History resumed: recording again; no samples were lost.')),
  };
}

/** The recording state of a service without an open store. */
export const NOT_RECORDING: HistoryRecording = { pausedReason: null, samplesNotStored: 0, pendingSamples: 0 };
