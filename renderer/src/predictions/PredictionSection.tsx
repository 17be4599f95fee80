import { useStore } from 'zustand';
import type { AssetDefinition } from '../../../core/asset/schema';
import { ANOMALY_COMPONENTS } from '../../../core/ml/pump/spec';
import { predictionStore } from '../state/prediction-store';

/** Smallest drop in the score, when a tag is masked, that counts as a reason. */
const MIN_WHY_WEIGHT = 0.005;

const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 ? 1 : 0)} %`;

/** The selected component's health-model view: anomaly probability, its fault types, RUL ± σ and why. */
export function PredictionSection({ asset, componentId }: { asset: AssetDefinition; componentId: string }) {
  const state = useStore(predictionStore);
  if (state.status !== 'running' || !state.anomaly) return null;
  const i = state.components.indexOf(componentId);
  const scored = ANOMALY_COMPONENTS.find((c) => c.id === componentId);
  const p = state.anomaly[i] ?? Number.NaN;
  const tagName = (id: string) => {
    const t = asset.tags.find((x) => x.id === id);
    return t ? `${t.instrument} ${t.name}` : id;
  };
  const faultName = (id: string) =>
    id === 'sensor_fault' ? 'Sensor fault' : (asset.faults.find((f) => f.id === id)?.name ?? id);
  const rul = state.rulHours?.[i] ?? Number.NaN;
  const rulStd = state.rulStdHours?.[i] ?? Number.NaN;
  // Tags whose removal moves the score by less than half a percent explain nothing (e.g. a saturated score).
  const why = (state.influences?.[i] ?? []).filter((w) => w.weight >= MIN_WHY_WEIGHT);

  return (
    <section className="prediction-section" data-testid="selection-prediction">
      <h3 className="charts-title">Health model</h3>
      {!scored || !Number.isFinite(p) ? (
        <p className="empty-hint">The health model does not score this part.</p>
      ) : (
        <ul className="tag-list">
          <li className="tag-row prediction-row" data-testid="prediction-anomaly">
            <span>Anomaly probability</span>
            <span className="section-spacer" />
            <span className="num">{pct(p)}</span>
          </li>
          {scored.faults.map((f) => (
            <li key={f} className="tag-row prediction-row">
              <span>{faultName(f)}</span>
              <span className="section-spacer" />
              <span className="num">{pct(state.faultProbs?.[f] ?? 0)}</span>
            </li>
          ))}
          <li className="tag-row prediction-row" data-testid="prediction-rul">
            <span>Remaining useful life</span>
            <span className="section-spacer" />
            <span className="num">
              {Number.isFinite(rul)
                ? `${rul.toFixed(1)} ± ${rulStd.toFixed(1)} h`
                : 'no degrading fault predicted'}
            </span>
          </li>
          <li className="tag-row prediction-row prediction-why" data-testid="prediction-why">
            <span>Why</span>
            <span className="section-spacer" />
            <span>
              {why.length === 0
                ? 'no single tag stands out'
                : why.map((w) => `${tagName(w.tagId)} (+${pct(w.weight)})`).join(', ')}
            </span>
          </li>
        </ul>
      )}
    </section>
  );
}
