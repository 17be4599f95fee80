import { useStore } from 'zustand';
import { DEPLOY_RULE_TEXT } from '../../../../core/ml/retrain/deploy-rule';
import { modelsStore, type RetrainOutcome } from './models-store';
import { fixed, progressLine, span } from './models-format';

const HOURS = [6, 12, 24, 48, 72];

function Outcome({ o }: { o: RetrainOutcome }) {
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
        <strong>
          {o.deployed
            ? 'New version deployed.'
            : 'New version kept, not deployed: the running version stays.'}
        </strong>{' '}
        {o.reasons.join('; ')}.
      </p>
      <table className="models-compare">
        <thead>
          <tr>
            <th>
              Held-out {span(o.heldOut.from, o.heldOut.to)}, {o.heldOut.windows} windows
            </th>
            <th className="num">Running before</th>
            <th className="num">New</th>
          </tr>
        </thead>
        <tbody>
          {row('ROC-AUC', o.current.rocAuc, o.candidate.rocAuc, 3)}
          {row('Macro-F1', o.current.macroF1, o.candidate.macroF1, 3)}
          {row('False alarms / 24 h', o.current.falseAlarmsPer24h, o.candidate.falseAlarmsPer24h, 1)}
        </tbody>
      </table>
      {!o.deployed && <p className="history-hint">You can still deploy it with “Use this version”.</p>}
    </div>
  );
}

/** Range and epochs, the Retrain button, a determinate progress bar with Cancel, and the result. */
export function RetrainSection(props: { onRetrain: () => void; onCancel: () => void; disabled: boolean }) {
  const { status, progress, message, outcome, size } = useStore(modelsStore);
  const busy = status === 'running' || status === 'cancelling';
  const setSize = (patch: Partial<typeof size>) => modelsStore.setState({ size: { ...size, ...patch } });
  return (
    <section className="models-retrain" aria-labelledby="models-retrain-title">
      <h3 id="models-retrain-title">Retrain on recent history</h3>
      <div className="history-row">
        <label className="history-inline">
          <span>Recent history</span>
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
                  last {h} h
                </option>
              ))}
          </select>
        </label>
        <label className="history-inline">
          <span>Epochs</span>
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
          Retrain on recent history
        </button>
        {busy && (
          <button
            type="button"
            data-testid="btn-retrain-cancel"
            disabled={status === 'cancelling'}
            onClick={props.onCancel}
          >
            {status === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <p className="history-hint">
        Fine-tunes a copy of the running model in this window’s ML worker on the first 80 % of the range; the
        last 20 % is held out to compare both versions. A new version is {DEPLOY_RULE_TEXT}.
      </p>
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
