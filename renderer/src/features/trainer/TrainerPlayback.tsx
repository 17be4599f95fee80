import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../../../../core/scenario/report';
import type { TrainerState } from '../../../../core/scenario/trainer-state';
import { formatFactor, SPEEDS } from '../../format';
import { useCanCall } from '../../state/session-role';
import { Icon } from '../../ui/icons';
import { simCommand } from '../../state/twin-actions';
import { useSession } from '../../state/use-store';
import { trainerCommand } from './trainer-actions';
import { trainerStore } from './trainer-store';
import { useScenarioText } from './use-scenario-text';

/** Play, pause, step, restart and leave a scenario; its pace, the action window open now, and the speed. */
export function TrainerPlayback({ state, presenter }: { state: TrainerState; presenter: boolean }) {
  const { t } = useTranslation('trainer');
  const text = useScenarioText();
  const paceText = (speed: number) => (speed === 1 ? t('realTime') : formatFactor(speed));
  const speed = useSession((s) => s.sim?.speed ?? 1);
  const command = useCanCall('trainerCommand', t('access.command'));
  const sim = useCanCall('simCommand', t('access.sim'));
  const { status, actionWindow } = state;
  const pace = state.scenario?.pace;
  return (
    <section className="sim-section" aria-label={t('playback')}>
      <div className="sim-controls">
        <button
          type="button"
          className="primary with-icon"
          data-testid="trainer-play"
          disabled={!command.allowed || status === 'playing' || status === 'question'}
          title={command.refusal}
          onClick={() => void trainerCommand({ kind: 'play' })}
        >
          <Icon name="play" /> {t('play')}
        </button>
        <button
          type="button"
          className="with-icon"
          data-testid="trainer-pause"
          disabled={!command.allowed || status !== 'playing'}
          title={command.refusal}
          onClick={() => void trainerCommand({ kind: 'pause' })}
        >
          <Icon name="pause" /> {t('pause')}
        </button>
        <button
          type="button"
          className="with-icon"
          data-testid="trainer-step"
          disabled={!command.allowed || status === 'question' || status === 'playing'}
          onClick={() => void trainerCommand({ kind: 'step' })}
          title={command.refusal ?? t('stepTitle')}
        >
          <Icon name="to-end" /> {t('step')}
        </button>
        <button
          type="button"
          className="with-icon"
          data-testid="trainer-restart"
          disabled={!command.allowed}
          title={command.refusal ?? t('restartTitle')}
          onClick={() => void trainerCommand({ kind: 'restart' })}
        >
          <Icon name="restart" /> {t('restart')}
        </button>
        <button
          type="button"
          data-testid="trainer-leave"
          disabled={!command.allowed}
          title={command.refusal ?? t('leaveTitle')}
          onClick={() => void trainerCommand({ kind: 'stop' })}
        >
          {t('leave')}
        </button>
        <label className="inline-field">
          <span>{t('speed')}</span>
          <select
            value={String(speed)}
            data-testid="trainer-speed"
            disabled={!sim.allowed}
            title={sim.refusal ?? t('speedTitle')}
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
          {t(`status.${status}`)}
        </span>{' '}
        <span className="muted">
          {formatElapsed(state.elapsedS)} / {formatElapsed(state.scenario?.durationS ?? 0)}
        </span>
      </p>
      {pace && (
        <p className="form-note trainer-pace" data-testid="trainer-pace">
          {actionWindow ? (
            <>
              <strong>{paceText(pace.actionWindow)}</strong>{' '}
              {t('until', { time: formatElapsed(actionWindow.untilS) })}: {text(actionWindow.description)}
            </>
          ) : (
            t('pace', { fast: formatFactor(pace.fastForward), window: paceText(pace.actionWindow) })
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
        <span>{t('presenter')}</span>
      </label>
    </section>
  );
}
