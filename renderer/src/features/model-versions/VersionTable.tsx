import type { ModelVersion, RegistryIndex } from '../../../../core/ml/retrain/registry-index';
import { usable } from '../../../../core/ml/retrain/registry-index';
import { fixed, span } from './models-format';

interface Props {
  index: RegistryIndex;
  shippedCard: string;
  busy: boolean;
  onUse: (id: string) => void;
  onDelete: (id: string) => void;
}

function status(v: ModelVersion, index: RegistryIndex, shippedCard: string): string {
  if (v.id === index.activeId) return 'Running';
  if (!usable(v, shippedCard)) return 'Built on an earlier shipped model';
  if (v.decision && !v.decision.deployed) return 'Kept, not deployed';
  return 'Kept';
}

/** Every version side by side with its figures on the held-out recent data it was last compared on. */
export function VersionTable({ index, shippedCard, busy, onUse, onDelete }: Props) {
  return (
    <div className="history-table-wrap models-table-wrap">
      <table className="history-table models-table" data-testid="model-versions">
        <thead>
          <tr>
            <th>Version</th>
            <th className="num">ROC-AUC</th>
            <th className="num">Macro-F1</th>
            <th className="num">False alarms / 24 h</th>
            <th>Held-out data (windows)</th>
            <th>Training</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {index.versions.map((v) => {
            const active = v.id === index.activeId;
            const e = v.evaluation;
            return (
              <tr
                key={v.id}
                data-testid="model-version"
                data-version={v.id}
                data-active={active}
                className={active ? 'active' : undefined}
              >
                <td>
                  <span className="models-active-mark" aria-hidden="true">
                    {active ? '●' : ''}
                  </span>
                  {v.label}
                </td>
                <td className="num" data-testid="metric-auc">
                  {fixed(e?.rocAuc, 3)}
                </td>
                <td className="num" data-testid="metric-f1">
                  {fixed(e?.macroF1, 3)}
                </td>
                <td className="num" data-testid="metric-fa">
                  {fixed(e?.falseAlarmsPer24h, 1)}
                </td>
                <td className="models-wrap">
                  {e ? `${span(e.from, e.to)} (${e.windows})` : 'not compared yet'}
                </td>
                <td className="models-wrap">
                  {v.training
                    ? `${v.training.epochs} ep · ${v.training.windows} win · ${v.training.backend} · ${Math.round(v.training.seconds)} s`
                    : 'shipped'}
                </td>
                <td className="models-wrap" title={v.decision?.reasons.join('; ')}>
                  {status(v, index, shippedCard)}
                </td>
                <td className="models-actions">
                  {!active && (
                    <button
                      type="button"
                      data-testid="btn-use-version"
                      disabled={busy || !usable(v, shippedCard)}
                      onClick={() => onUse(v.id)}
                    >
                      Use this version
                    </button>
                  )}
                  {!active && v.kind === 'retrained' && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onDelete(v.id)}
                      title="Delete this version"
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
