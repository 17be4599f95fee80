import { useRef, useState, type ChangeEvent } from 'react';
import { formatElapsed } from '../../../../core/scenario/report';
import { useSession } from '../../state/use-store';
import { useCanCall } from '../../state/session-role';
import { simCommand } from '../../state/twin-actions';
import { formatFactor, SPEEDS } from '../../format';
import { openScenarioFile, trainerCommand } from './trainer-actions';
import { RecordSection } from './RecordSection';
import { Icon } from '../../ui/icons';
import { trainerStore, useTrainer } from './trainer-store';
import { TrainerScore } from './TrainerScore';
import './trainer.css';
import '../../ui/kpi-table.css';

const STATUS_TEXT = {
  idle: 'No scenario',
  ready: 'Ready',
  playing: 'Playing',
  paused: 'Paused',
  question: 'Waiting for an answer',
  finished: 'Finished',
};

/** Trainer mode: play scripted failure scenarios with narration, questions and scoring; record and report. */
export function TrainerPanel() {
  const scenarios = useTrainer((s) => s.scenarios);
  const state = useTrainer((s) => s.state);
  const presenter = useTrainer((s) => s.presenter);
  const speed = useSession((s) => s.sim?.speed ?? 1);
  const [choice, setChoice] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const selected = choice || state.scenario?.id || scenarios[0]?.id || '';
  const status = state.status;
  const loaded = state.scenario !== null;
  // Loading, playing and recording drive the live simulator: trainerCommand/trainerOpenScenario/simCommand.
  const command = useCanCall('trainerCommand', 'running a training scenario');
  const openFile = useCanCall('trainerOpenScenario', 'opening a scenario file');
  const sim = useCanCall('simCommand', 'changing the simulator');

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) void openScenarioFile(f);
  };

  return (
    <div className="simulation-panel trainer-panel">
      <section className="sim-section" aria-label="Scenario">
        <h3>Scenario</h3>
        <div className="sim-controls">
          <select
            value={selected}
            data-testid="trainer-scenario-select"
            aria-label="Scenario"
            onChange={(e) => setChoice(e.target.value)}
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="trainer-load"
            disabled={!command.allowed || !selected}
            title={command.refusal}
            onClick={() => void trainerCommand({ kind: 'load', scenarioId: selected })}
          >
            Load
          </button>
          <button
            type="button"
            data-testid="trainer-open-file"
            disabled={!openFile.allowed}
            title={openFile.refusal}
            onClick={() => file.current?.click()}
          >
            Open file…
          </button>
          <input
            ref={file}
            type="file"
            accept=".json"
            hidden
            data-testid="trainer-file-input"
            aria-label="Open scenario file"
            onChange={onFile}
          />
        </div>
        {state.scenario && <p className="form-note">{state.scenario.summary}</p>}
      </section>
      {loaded && (
        <section className="sim-section" aria-label="Playback">
          <div className="sim-controls">
            <button
              type="button"
              className="primary with-icon"
              data-testid="trainer-play"
              disabled={!command.allowed || status === 'playing' || status === 'question'}
              title={command.refusal}
              onClick={() => void trainerCommand({ kind: 'play' })}
            >
              <Icon name="play" /> Play
            </button>
            <button
              type="button"
              className="with-icon"
              data-testid="trainer-pause"
              disabled={!command.allowed || status !== 'playing'}
              title={command.refusal}
              onClick={() => void trainerCommand({ kind: 'pause' })}
            >
              <Icon name="pause" /> Pause
            </button>
            <button
              type="button"
              className="with-icon"
              data-testid="trainer-step"
              disabled={!command.allowed || status === 'question' || status === 'playing'}
              onClick={() => void trainerCommand({ kind: 'step' })}
              title={command.refusal ?? 'Run to the next scripted event'}
            >
              <Icon name="to-end" /> Step
            </button>
            <button
              type="button"
              className="with-icon"
              data-testid="trainer-restart"
              disabled={!command.allowed}
              title={command.refusal}
              onClick={() => void trainerCommand({ kind: 'restart' })}
            >
              <Icon name="restart" /> Restart
            </button>
            <label className="inline-field">
              <span>Speed</span>
              <select
                value={String(speed)}
                data-testid="trainer-speed"
                disabled={!sim.allowed}
                title={sim.refusal}
                onChange={(e) => void simCommand({ kind: 'speed', speed: Number(e.target.value) })}
              >
                {[...new Set([...SPEEDS, speed])]
                  .sort((a, b) => a - b)
                  .map((s) => (
                    <option key={s} value={String(s)}>
                      {formatFactor(s)}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <p className="num">
            <span className="trainer-status" data-testid="trainer-status" data-status={status}>
              {STATUS_TEXT[status]}
            </span>{' '}
            <span className="muted">
              {formatElapsed(state.elapsedS)} / {formatElapsed(state.scenario?.durationS ?? 0)}
            </span>
          </p>
          <label className="inline-field">
            <input
              type="checkbox"
              checked={presenter}
              data-testid="trainer-presenter"
              onChange={(e) => trainerStore.setState({ presenter: e.target.checked })}
            />
            <span>Presenter view (shows injected faults and right answers)</span>
          </label>
        </section>
      )}
      {loaded && <TrainerScore state={state} presenter={presenter} />}
      <RecordSection reportReady={loaded} />
    </div>
  );
}
