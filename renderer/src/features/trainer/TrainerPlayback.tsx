import { formatElapsed } from '../../../../core/scenario/report';
import type { TrainerState } from '../../../../core/scenario/trainer-state';
import { formatFactor, SPEEDS } from '../../format';
import { useCanCall } from '../../state/session-role';
import { Icon } from '../../ui/icons';
import { simCommand } from '../../state/twin-actions';
import { useSession } from '../../state/use-store';
import { trainerCommand } from './trainer-actions';
import { trainerStore } from './trainer-store';

const STATUS_TEXT = {
  idle: 'No scenario',
  ready: 'Ready',
  playing: 'Playing',
  paused: 'Paused',
  question: 'Waiting for an answer',
  finished: 'Finished',
};

const paceText = (speed: number) => (speed === 1 ? 'real time' : formatFactor(speed));

/** Play, pause, step, restart and leave a scenario; its pace, the action window open now, and the speed. */
export function TrainerPlayback({ state, presenter }: { state: TrainerState; presenter: boolean }) {
  const speed = useSession((s) => s.sim?.speed ?? 1);
  const command = useCanCall('trainerCommand', 'running a training scenario');
  const sim = useCanCall('simCommand', 'changing the simulator');
  const { status, actionWindow } = state;
  const pace = state.scenario?.pace;
  return (
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
          title={
            command.refusal ?? 'Run to the next event or to the start or end of an action window, then pause'
          }
        >
          <Icon name="to-end" /> Step
        </button>
        <button
          type="button"
          className="with-icon"
          data-testid="trainer-restart"
          disabled={!command.allowed}
          title={command.refusal ?? 'Back to the start, paused: Play starts it again'}
          onClick={() => void trainerCommand({ kind: 'restart' })}
        >
          <Icon name="restart" /> Restart
        </button>
        <button
          type="button"
          data-testid="trainer-leave"
          disabled={!command.allowed}
          title={command.refusal ?? 'Leave the scenario: the plant goes on where it was'}
          onClick={() => void trainerCommand({ kind: 'stop' })}
        >
          Leave scenario
        </button>
        <label className="inline-field">
          <span>Speed</span>
          <select
            value={String(speed)}
            data-testid="trainer-speed"
            disabled={!sim.allowed}
            title={sim.refusal ?? 'Until the pace changes at the next action window'}
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
      {pace && (
        <p className="form-note trainer-pace" data-testid="trainer-pace">
          {actionWindow ? (
            <>
              <strong>{paceText(pace.actionWindow)}</strong> until {formatElapsed(actionWindow.untilS)}:{' '}
              {actionWindow.description}
            </>
          ) : (
            <>
              Pace: {formatFactor(pace.fastForward)} between actions, {paceText(pace.actionWindow)} while one
              is expected.
            </>
          )}
        </p>
      )}
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
  );
}
