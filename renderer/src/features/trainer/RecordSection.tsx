import { useState } from 'react';
import { useStore } from 'zustand';
import { recordingTitleProblem } from '../../../../core/scenario/recording';
import { useCanCall } from '../../state/session-role';
import { Icon } from '../../ui/icons';
import { recorderStore, startRecording, stopRecording } from './recorder';
import { exportReport } from './trainer-actions';

/** Records the live session as a scenario file (saved under a title it requires) and exports the report. */
export function RecordSection({ reportReady }: { reportReady: boolean }) {
  const recording = useStore(recorderStore, (s) => s.recording);
  const sim = useCanCall('simCommand', 'changing the simulator');
  const [title, setTitle] = useState('Recorded drill');
  const problem = recording ? recordingTitleProblem(title) : null;

  return (
    <section className="sim-section" aria-label="Record and report">
      <h3>Record and report</h3>
      {recording && (
        <label className="inline-field trainer-record-title">
          <span>Title</span>
          <input
            type="text"
            value={title}
            maxLength={120}
            required
            aria-invalid={problem !== null}
            data-testid="trainer-record-title"
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
      )}
      {problem && (
        <p className="alarm-text" role="alert" data-testid="trainer-record-problem">
          Enter a title to save the recorded scenario.
        </p>
      )}
      <div className="sim-controls">
        {recording ? (
          <button
            type="button"
            className="with-icon"
            data-testid="trainer-record-stop"
            disabled={!sim.allowed || problem !== null}
            title={sim.refusal ?? (problem ? 'Enter a title first' : undefined)}
            onClick={() => stopRecording(title)}
          >
            <Icon name="stop" /> Stop and save scenario
          </button>
        ) : (
          <button
            type="button"
            className="with-icon"
            data-testid="trainer-record"
            disabled={!sim.allowed}
            title={sim.refusal}
            onClick={() =>
              window.confirm(
                'Recording plays a fresh simulator with its seed, so the file replays exactly, in a run with its own history. The plant waits, untouched, until you stop. Start?',
              ) && void startRecording()
            }
          >
            <Icon name="record" /> Record live session
          </button>
        )}
        <button type="button" data-testid="trainer-report" disabled={!reportReady} onClick={exportReport}>
          Export report (HTML)
        </button>
      </div>
    </section>
  );
}
