import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../../../../core/scenario/report';
import type { TrainerState } from '../../../../core/scenario/trainer-state';
import { useScenarioText } from './use-scenario-text';

/** Score, expected actions, answers and the timeline; hidden entries only in the presenter view. */
export function TrainerScore({ state, presenter }: { state: TrainerState; presenter: boolean }) {
  const { t } = useTranslation('trainer');
  const text = useScenarioText();
  const log = state.log.filter((e) => presenter || !e.hidden);
  return (
    <section className="sim-section" aria-label={t('score')}>
      <h3>
        {t('score')}{' '}
        <span className="num" data-testid="trainer-score">
          {state.score} / {state.maxScore}
        </span>
      </h3>
      <table className="kpi-table" data-testid="trainer-actions">
        <tbody>
          {state.actions.map((a) => (
            <tr key={a.id} className={`action-${a.status}`} data-status={a.status}>
              <td>{a.status === 'met' ? '✔' : a.status === 'missed' ? '✘' : '…'}</td>
              <td>{text(a.description)}</td>
              <td className="num">{a.atS === null ? '' : formatElapsed(a.atS)}</td>
              <td className="num">
                {a.status === 'met' ? a.points : 0}/{a.points}
              </td>
            </tr>
          ))}
          {state.answers.map((a) => (
            <tr key={a.questionId} className={a.correct ? 'action-met' : 'action-missed'}>
              <td>{a.correct ? '✔' : '✘'}</td>
              <td>
                {text(a.prompt)} — “{text(a.choice)}”
                {!a.correct && presenter ? t('right', { choice: text(a.rightChoice) }) : ''}
              </td>
              <td className="num">{formatElapsed(a.atS)}</td>
              <td className="num">{a.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('timeline')}</h3>
      <div className="trainer-log">
        <table className="kpi-table" data-testid="trainer-log">
          <tbody>
            {log.map((e, i) => (
              <tr key={i} data-kind={e.kind}>
                <td className="num">{formatElapsed(e.atS)}</td>
                <td>{text(e.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
