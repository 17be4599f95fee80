import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useStore } from 'zustand';
import { predictionStore } from '../../../state/prediction-store';
import { cardHorizonFor, GAP_FLAG_FACTOR, surrogateGaps } from '../surrogate/surrogate-compare';
import { EXTRAPOLATION_Z } from '../surrogate/surrogate-trust';
import { useWhatIf } from '../use-whatif';

const fmt = (v: number | null) => (v === null ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));

/**
 * Surrogate vs physics for the charted tags: the mean gap between the learned answer and the physics over the
 * surrogate's horizon, beside its test error from the model card; a gap beyond twice that error is marked.
 */
export function SurrogateTable({ asset }: { asset: AssetDefinition }) {
  const surrogate = useWhatIf((s) => s.surrogate);
  const note = useWhatIf((s) => s.surrogateNote);
  const running = useWhatIf((s) => s.surrogateRunning);
  const card = useWhatIf((s) => s.surrogateCard);
  const result = useWhatIf((s) => s.result);
  const resultKey = useWhatIf((s) => s.resultKey);
  const chartTags = useWhatIf((s) => s.chartTags);
  const backend = useStore(predictionStore, (s) => s.backend);
  const same = surrogate !== null && result !== null && resultKey === surrogate.key;
  const gaps = same && card ? surrogateGaps(result, surrogate, chartTags, card) : null;
  const cardHorizon = surrogate && card ? cardHorizonFor(card, surrogate.minutes) : null;
  const capped = surrogate !== null && surrogate.minutes < surrogate.requestedMinutes;
  return (
    <div data-testid="whatif-surrogate">
      <div className="section-header sub">
        <h3>Surrogate vs physics</h3>
        <span className="section-spacer" />
        <span className="muted num" data-testid="whatif-surrogate-ms">
          {running && !surrogate
            ? 'surrogate running…'
            : surrogate
              ? `surrogate ${Math.round(surrogate.computeMs)} ms${backend ? ` on ${backend}` : ''}`
              : ''}
        </span>
      </div>
      {note && (
        <p className="form-note" data-testid="whatif-surrogate-note">
          {note}
        </p>
      )}
      {surrogate && <ExtrapolationNote asset={asset} />}
      {surrogate && (
        <table className="kpi-table">
          <thead>
            <tr>
              <th>Tag</th>
              <th>Mean gap</th>
              <th>Card test MAE{cardHorizon !== null ? ` @+${cardHorizon} min` : ''}</th>
              <th>Trust</th>
            </tr>
          </thead>
          <tbody>
            {chartTags.map((id) => {
              const tag = asset.tags.find((t) => t.id === id);
              const row = gaps?.rows.find((r) => r.tagId === id);
              const cardMae = cardHorizon !== null ? (card?.[String(cardHorizon)]?.[id] ?? null) : null;
              return (
                <tr key={id} data-tag-id={id} className={row?.flagged ? 'surrogate-flagged' : undefined}>
                  <td>
                    {tag?.instrument} {tag?.name}
                  </td>
                  <td className="num">
                    {gaps ? fmt(row?.gap ?? null) : 'physics pending…'} {tag?.unit}
                  </td>
                  <td className="num">
                    {fmt(cardMae)} {tag?.unit}
                  </td>
                  <td>{row ? (row.flagged ? `gap > ${GAP_FLAG_FACTOR}× test error` : 'within') : ''}</td>
                </tr>
              );
            })}
          </tbody>
          <caption className="muted">
            Forecaster answer over its first {surrogate.minutes} min
            {capped
              ? ` (capped: it forecasts ${surrogate.minutes} min, not the ${surrogate.requestedMinutes} asked)`
              : ''}
            ; gap = mean |surrogate − physics plan| per minute. The 48 min before the fork come from the{' '}
            <span data-testid="whatif-surrogate-past">{surrogate.pastSource}</span>
            {surrogate.pastSource === 'live buffer'
              ? ', which keeps no setpoint history: the setpoints at the fork stand for it.'
              : ', with the setpoints recorded then.'}
          </caption>
        </table>
      )}
    </div>
  );
}

/** Whether the surrogate was asked about setpoints or a plant state beyond its training data. */
function ExtrapolationNote({ asset }: { asset: AssetDefinition }) {
  const outside = useWhatIf((s) => s.surrogate?.outsideTraining ?? []);
  if (outside.length === 0)
    return (
      <p className="form-note muted" data-testid="whatif-surrogate-extrapolation" data-extrapolating="false">
        Inputs within the training data (every setpoint and tag within {EXTRAPOLATION_Z} σ of it).
      </p>
    );
  const name = (id: string) =>
    asset.controls.find((c) => c.id === id)?.name ?? asset.tags.find((t) => t.id === id)?.name ?? id;
  const unit = (id: string) =>
    asset.controls.find((c) => c.id === id)?.unit ?? asset.tags.find((t) => t.id === id)?.unit ?? '';
  return (
    <p
      className="form-note surrogate-flagged"
      data-testid="whatif-surrogate-extrapolation"
      data-extrapolating="true"
    >
      Extrapolating:{' '}
      {outside
        .slice(0, 3)
        .map(
          (o) =>
            `${name(o.id)} ${fmt(o.value)} ${unit(o.id)} is ${Math.abs(o.z).toFixed(1)} σ ${o.z < 0 ? 'below' : 'above'} its training data`,
        )
        .join('; ')}
      . The card&apos;s test error does not cover this; a physics check matters most here.
    </p>
  );
}
