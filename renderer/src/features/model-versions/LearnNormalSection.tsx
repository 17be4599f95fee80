import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { BoundedNumberInput } from './BoundedNumberInput';
import { normalStepText } from './normal-step-text';
import { normalLearnStore } from './normal-learn-store';
import { NormalReport } from './NormalReport';
import { PreflightList } from './PreflightList';

interface Props {
  disabled: boolean;
  onLearn: () => void;
  onCancel: () => void;
  onDeploy: () => void;
}

/** Period, false-alarm budget, Learn with a determinate progress bar and Cancel, checks, report, Deploy. */
export function LearnNormalSection({ disabled, onLearn, onCancel, onDeploy }: Props) {
  const { t } = useTranslation('models');
  const s = useStore(normalLearnStore);
  const busy = s.status === 'running' || s.status === 'cancelling';
  const set = normalLearnStore.setState;
  return (
    <section className="models-retrain" aria-labelledby="normal-learn-title" data-testid="learn-normal">
      <h3 id="normal-learn-title">{t('normal.learnTitle')}</h3>
      <div className="history-row">
        <label className="history-inline">
          <input
            type="radio"
            name="normal-period"
            checked={s.choice === 'first-minutes'}
            disabled={busy}
            onChange={() => set({ choice: 'first-minutes' })}
          />
          <span>{t('normal.theFirst')}</span>
          <BoundedNumberInput
            testId="normal-minutes"
            min={1}
            max={1440}
            value={s.minutes}
            disabled={busy}
            onValue={(minutes) => set({ minutes, choice: 'first-minutes' })}
          />
          <span>{t('normal.minutesOfHistory')}</span>
        </label>
        <label className="history-inline" title={t('normal.timelineSpanTitle')}>
          <input
            type="radio"
            name="normal-period"
            data-testid="normal-period-timeline"
            checked={s.choice === 'timeline-view'}
            disabled={busy}
            onChange={() => set({ choice: 'timeline-view' })}
          />
          <span>{t('normal.timelineSpan')}</span>
        </label>
        <label className="history-inline">
          <span>{t('normal.falseAlarmsAtMost')}</span>
          <BoundedNumberInput
            testId="normal-budget"
            min={0.01}
            max={100}
            value={s.falseAlarmsPerDay}
            disabled={busy}
            onValue={(falseAlarmsPerDay) => set({ falseAlarmsPerDay })}
          />
          <span>{t('normal.per24h')}</span>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="btn-learn-normal"
          disabled={busy || disabled}
          onClick={onLearn}
        >
          {t('normal.learn')}
        </button>
        {busy && (
          <button
            type="button"
            data-testid="btn-learn-normal-cancel"
            disabled={s.status === 'cancelling'}
            onClick={onCancel}
          >
            {s.status === 'cancelling' ? t('cancelling') : t('cancel')}
          </button>
        )}
      </div>
      <p className="history-hint">{t('normal.hint')}</p>
      {busy && s.progress && (
        <div className="models-progress" data-testid="normal-progress" data-fraction={s.progress.fraction}>
          <div
            className="models-progress-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(s.progress.fraction * 100)}
          >
            <div style={{ width: `${(s.progress.fraction * 100).toFixed(1)}%` }} />
          </div>
          <span data-testid="normal-progress-step">{normalStepText(s.progress.step)}</span>
        </div>
      )}
      {s.message && (
        <p
          className={s.status === 'failed' || s.status === 'refused' ? 'history-error' : 'models-note'}
          data-testid="normal-message"
          data-status={s.status}
        >
          {s.message}
        </p>
      )}
      <PreflightList issues={s.refusals} kind="refusal" />
      <PreflightList issues={s.warnings} kind="warning" />
      {s.result && (s.status === 'done' || s.status === 'deployed') && (
        <div className="models-outcome" data-testid="normal-outcome" data-status={s.status}>
          <NormalReport result={s.result} />
          {s.status === 'done' ? (
            <div className="history-row">
              <button type="button" className="primary" data-testid="btn-deploy-normal" onClick={onDeploy}>
                {t('normal.deploy')}
              </button>
              <span className="history-hint">{t('normal.notDeployedYet')}</span>
            </div>
          ) : (
            <p className="models-note">{t('normal.deployed')}</p>
          )}
        </div>
      )}
    </section>
  );
}
