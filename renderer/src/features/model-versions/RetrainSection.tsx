import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { AUC_TOLERANCE } from '../../../../core/ml/retrain/deploy-rule';
import { modelsStore, type RetrainOutcome } from './models-store';
import { fixed, progressLine, span } from './models-format';
import { phrasesSentence } from '../../i18n/phrase-text';

const HOURS = [6, 12, 24, 48, 72];

function Outcome({ o }: { o: RetrainOutcome }) {
  const { t } = useTranslation('models');
  const row = (name: string, cur: number, cand: number, digits: number) => (
    <tr>
      <td>{name}</td>
      <td className="num">{fixed(cur, digits)}</td>
      <td className="num">{fixed(cand, digits)}</td>
    </tr>
  );
  return (
    <div
      className={`models-outcome ${o.deployed ? 'deployed' : 'kept'}`}
      data-testid="retrain-outcome"
      data-deployed={o.deployed}
    >
      <p>
        <strong>{o.deployed ? t('retrain.deployed') : t('retrain.keptNotDeployed')}</strong>{' '}
        {phrasesSentence(
          o.reasons.map((r) => r.message),
          o.reasons.map((r) => r.phrase),
        )}
      </p>
      <table className="models-compare">
        <thead>
          <tr>
            <th>
              {t('retrain.heldOutHeader', {
                span: span(o.heldOut.from, o.heldOut.to),
                windows: o.heldOut.windows,
              })}
            </th>
            <th className="num">{t('retrain.runningBefore')}</th>
            <th className="num">{t('retrain.new')}</th>
          </tr>
        </thead>
        <tbody>
          {row(t('columns.rocAuc'), o.current.rocAuc, o.candidate.rocAuc, 3)}
          {row(t('columns.macroF1'), o.current.macroF1, o.candidate.macroF1, 3)}
          {row(t('columns.falseAlarms'), o.current.falseAlarmsPer24h, o.candidate.falseAlarmsPer24h, 1)}
        </tbody>
      </table>
      {!o.deployed && <p className="history-hint">{t('retrain.stillDeploy')}</p>}
    </div>
  );
}

/** Range and epochs, the Retrain button, a determinate progress bar with Cancel, and the result. */
export function RetrainSection(props: { onRetrain: () => void; onCancel: () => void; disabled: boolean }) {
  const { t } = useTranslation('models');
  const { status, progress, message, outcome, size } = useStore(modelsStore);
  const busy = status === 'running' || status === 'cancelling';
  const setSize = (patch: Partial<typeof size>) => modelsStore.setState({ size: { ...size, ...patch } });
  return (
    <section className="models-retrain" aria-labelledby="models-retrain-title">
      <h3 id="models-retrain-title">{t('retrain.title')}</h3>
      <div className="history-row">
        <label className="history-inline">
          <span>{t('retrain.recentHistory')}</span>
          <select
            data-testid="retrain-hours"
            value={size.hours}
            disabled={busy}
            onChange={(e) => setSize({ hours: Number(e.target.value) })}
          >
            {[...new Set([...HOURS, size.hours])]
              .sort((a, b) => a - b)
              .map((h) => (
                <option key={h} value={h}>
                  {t('retrain.lastHours', { hours: h })}
                </option>
              ))}
          </select>
        </label>
        <label className="history-inline">
          <span>{t('retrain.epochs')}</span>
          <input
            type="number"
            min={1}
            max={20}
            value={size.epochs}
            disabled={busy}
            className="models-epochs"
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (n >= 1 && n <= 20) setSize({ epochs: n });
            }}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="btn-retrain"
          disabled={busy || props.disabled}
          onClick={props.onRetrain}
        >
          {t('retrain.button')}
        </button>
        {busy && (
          <button
            type="button"
            data-testid="btn-retrain-cancel"
            disabled={status === 'cancelling'}
            onClick={props.onCancel}
          >
            {status === 'cancelling' ? t('cancelling') : t('cancel')}
          </button>
        )}
      </div>
      <p className="history-hint">{t('retrain.hint', { tolerance: AUC_TOLERANCE })}</p>
      {busy && progress && (
        <div className="models-progress" data-testid="retrain-progress" data-fraction={progress.fraction}>
          <div
            className="models-progress-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress.fraction * 100)}
          >
            <div style={{ width: `${(progress.fraction * 100).toFixed(1)}%` }} />
          </div>
          <span data-testid="retrain-progress-text">{progressLine(progress)}</span>
        </div>
      )}
      {message && (
        <p className={status === 'failed' ? 'history-error' : 'models-note'} data-testid="retrain-message">
          {message}
        </p>
      )}
      {outcome && status === 'done' && <Outcome o={outcome} />}
    </section>
  );
}
