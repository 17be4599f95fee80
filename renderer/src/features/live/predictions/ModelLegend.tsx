/**
 * The color legend's body for the model modes: what the colors mean, with units (hours, the tag's unit) or
 * the fault types on screen; and why a mode shows only grey (model warming up, missing).
 */
import { useStore } from 'zustand';
import type { AssetDefinition, TagDefinition } from '../../../../../core/asset/schema';
import { RUL_CAP_HOURS } from '../../../../../core/ml/pump/spec';
import { formatClock } from '../../../format';
import { SCORE_BLEND, SCORE_GREY, viridisCss } from '../../../scene/paint/colormap';
import { forecastStore } from '../../../state/forecast-store';
import { useDisplayedPrediction } from '../../../state/displayed-prediction';
import { faultClassName, faultTypeLegend, rulLegendTicks } from '../../../scene/paint/model-colors';
import type { ModelColorBy } from '../../../scene/paint/painters';
import { normalModelStore } from '../../../state/normal-model-store';
import './predictions.css';

const GRADIENT = viridisCss();

function Scale({ ticks }: { ticks: { label: string; at: number }[] }) {
  return (
    <>
      <div className="twin-legend-bar" style={{ background: GRADIENT }} />
      <div className="twin-legend-ticks">
        {ticks.map((t) => (
          <span key={t.label} style={{ left: `${t.at * 100}%` }}>
            {t.label}
          </span>
        ))}
      </div>
    </>
  );
}

const Note = ({ children }: { children: string }) => <div className="twin-legend-note">{children}</div>;

/** "normal 40–75 °C, alarm 90, trip 100": the limits the forecast colours measure against. */
function limitsText(tag: TagDefinition): string {
  const d = tag.decimals;
  const f = (v: number) => v.toFixed(d);
  const pair = (l?: { low?: number | undefined; high?: number | undefined }) =>
    [l?.low, l?.high]
      .filter((v): v is number => v !== undefined)
      .map(f)
      .join(' / ');
  const parts = [`normal ${f(tag.normal[0])}–${f(tag.normal[1])} ${tag.unit}`];
  if (tag.alarm) parts.push(`alarm ${pair(tag.alarm)}`);
  if (tag.trip) parts.push(`trip ${pair(tag.trip)}`);
  return parts.join(', ');
}

/** "Anomaly probability" painted by the asset's normal-behaviour model: its alarm threshold mid-scale. */
function NormalScoreLegend({ running, replaying }: { running: boolean; replaying: boolean }) {
  return (
    <>
      <div className="twin-legend-title">Anomaly score (normal-behaviour model)</div>
      <Scale
        ticks={[
          { label: 'normal', at: 0 },
          { label: 'threshold', at: 0.5 },
          { label: '2×', at: 1 },
        ]}
      />
      <Note>
        {running
          ? `Each part by its most deviating tag: grey up to half the model’s alarm threshold, the threshold mid-scale, twice it at the top.${replaying ? ' Replay: scored from the history before the playhead.' : ''}`
          : 'The normal-behaviour model is deployed; parts colour once it has scored samples (live, or replay a moment on the timeline).'}
      </Note>
    </>
  );
}

export function ModelLegend({
  colorBy,
  asset,
}: {
  colorBy: ModelColorBy | { mode: 'prediction' };
  asset: AssetDefinition | null;
}) {
  // While replaying, the health model's output for the playhead moment (replay-display.ts).
  const { state: shown, replaying } = useDisplayedPrediction();
  const health = shown.status;
  const faultTypes = shown.faultType;
  const normal = useStore(normalModelStore, (st) => (st.status === 'running' ? st.threshold : null));
  const forecast = useStore(forecastStore);

  if (colorBy.mode === 'forecast') {
    const tag = asset?.tags.find((t) => t.id === colorBy.tagId);
    const title = `${tag ? `${tag.instrument} ${tag.name}` : colorBy.tagId} at +${colorBy.horizonMin} min`;
    if (!forecast.forecast || !tag)
      return (
        <>
          <div className="twin-legend-title">{title}</div>
          <Note>{`Forecaster: ${forecast.message ?? (forecast.status === 'loading' ? 'loading…' : 'warming up…')}. Parts stay grey until it has a forecast.`}</Note>
        </>
      );
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        <Scale
          ticks={[
            { label: 'normal', at: 0 },
            { label: 'alarm', at: 0.5 },
            { label: 'trip', at: 1 },
          ]}
        />
        <Note>{`Forecaster’s value with the current setpoints held, made from ${formatClock(forecast.forecast.origin)} (every simulated minute), as its distance to alarm: grey while predicted inside the normal band, the alarm limit halfway, the trip at the top (${limitsText(tag)}). Only the part carrying the tag is coloured.`}</Note>
      </>
    );
  }

  if (colorBy.mode === 'prediction' && (shown.anomalySource === 'normal-behaviour' || normal !== null))
    return <NormalScoreLegend running={shown.anomalySource === 'normal-behaviour'} replaying={replaying} />;
  const title =
    colorBy.mode === 'rul'
      ? 'Remaining useful life (health model)'
      : colorBy.mode === 'fault-type'
        ? 'Most likely fault (health model)'
        : 'Anomaly probability (health model)';
  if (health !== 'running')
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        <Note>
          {replaying && shown.message
            ? `Replay: ${shown.message}; parts stay grey.`
            : health === 'warming-up'
              ? 'The health model is collecting its first half hour of history; parts stay grey until then.'
              : 'No health model is loaded: all parts are shown in their normal grey.'}
        </Note>
      </>
    );
  if (colorBy.mode === 'rul')
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        <Scale
          ticks={rulLegendTicks(RUL_CAP_HOURS).map((t, k, all) =>
            k === 0
              ? { ...t, label: `≥ ${t.label}` }
              : k === all.length - 1
                ? { ...t, label: '0 h (trip)' }
                : t,
          )}
        />
        <Note>{`Hours until the part reaches its trip limit, for parts with a degrading fault predicted (brightest: soonest; the model caps at ${RUL_CAP_HOURS} h). Grey: no degrading fault predicted.`}</Note>
      </>
    );
  if (colorBy.mode === 'fault-type') {
    const rows = faultTypeLegend(faultTypes ?? [], (f) => faultClassName(asset, f));
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        {rows.length > 0 && (
          <div className="twin-legend-swatches" data-testid="fault-type-legend">
            {rows.map((r) => (
              <span key={r.faultId} className="twin-legend-swatch" data-fault-id={r.faultId}>
                <span className="twin-legend-chip" style={{ background: r.color }} />
                {r.name}
              </span>
            ))}
          </div>
        )}
        <Note>
          {rows.length > 0
            ? 'The part where the most likely fault lives takes its colour. Grey: healthy, or not where the fault lives.'
            : 'No fault predicted: every part in its normal grey.'}
        </Note>
      </>
    );
  }
  return (
    <>
      <div className="twin-legend-title">{title}</div>
      <Scale
        ticks={[
          { label: '0', at: 0 },
          { label: '1', at: 1 },
        ]}
      />
      <Note>{`Calibrated probability that the part is faulty. Grey: ≤ ${SCORE_GREY}; above that the part blends into the scale over ${SCORE_BLEND}. Parts the model does not score stay grey.`}</Note>
    </>
  );
}
