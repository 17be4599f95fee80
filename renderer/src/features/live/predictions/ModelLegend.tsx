/**
 * The color legend's body for the model modes: what the colors mean, with units (hours, the tag's unit) or
 * the fault types on screen; and why a mode shows only grey (model warming up, missing).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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
function limitsText(tag: TagDefinition, t: TFunction<'live'>): string {
  const d = tag.decimals;
  const f = (v: number) => v.toFixed(d);
  const pair = (l?: { low?: number | undefined; high?: number | undefined }) =>
    [l?.low, l?.high]
      .filter((v): v is number => v !== undefined)
      .map(f)
      .join(' / ');
  const parts = [
    t('models.legend.limitsNormal', { low: f(tag.normal[0]), high: f(tag.normal[1]), unit: tag.unit }),
  ];
  if (tag.alarm) parts.push(t('models.legend.limitsAlarm', { limits: pair(tag.alarm) }));
  if (tag.trip) parts.push(t('models.legend.limitsTrip', { limits: pair(tag.trip) }));
  return parts.join(t('prediction.listSeparator'));
}

/** "Anomaly probability" painted by the asset's normal-behaviour model: its alarm threshold mid-scale. */
function NormalScoreLegend({ running, replaying }: { running: boolean; replaying: boolean }) {
  const { t } = useTranslation('live');
  return (
    <>
      <div className="twin-legend-title">{t('models.legend.normalTitle')}</div>
      <Scale
        ticks={[
          { label: t('models.legend.normal'), at: 0 },
          { label: t('models.legend.threshold'), at: 0.5 },
          { label: '2×', at: 1 },
        ]}
      />
      <Note>
        {running
          ? t('models.legend.normalRunning') + (replaying ? t('models.legend.normalReplay') : '')
          : t('models.legend.normalWaiting')}
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
  const { t } = useTranslation('live');
  // While replaying, the health model's output for the playhead moment (replay-display.ts).
  const { state: shown, replaying } = useDisplayedPrediction();
  const health = shown.status;
  const faultTypes = shown.faultType;
  const normal = useStore(normalModelStore, (st) => (st.status === 'running' ? st.threshold : null));
  const forecast = useStore(forecastStore);

  if (colorBy.mode === 'forecast') {
    const tag = asset?.tags.find((t) => t.id === colorBy.tagId);
    const title = t('models.legend.forecastTitle', {
      tag: tag ? `${tag.instrument} ${tag.name}` : colorBy.tagId,
      minutes: colorBy.horizonMin,
    });
    if (!forecast.forecast || !tag)
      return (
        <>
          <div className="twin-legend-title">{title}</div>
          <Note>
            {t('models.legend.forecastWaiting', {
              status:
                forecast.message ??
                t(
                  forecast.status === 'loading'
                    ? 'models.legend.forecastLoading'
                    : 'models.legend.forecastWarming',
                ),
            })}
          </Note>
        </>
      );
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        <Scale
          ticks={[
            { label: t('models.legend.normal'), at: 0 },
            { label: t('models.legend.alarm'), at: 0.5 },
            { label: t('models.legend.trip'), at: 1 },
          ]}
        />
        <Note>
          {t('models.legend.forecastNote', {
            time: formatClock(forecast.forecast.origin),
            limits: limitsText(tag, t),
          })}
        </Note>
      </>
    );
  }

  if (colorBy.mode === 'prediction' && (shown.anomalySource === 'normal-behaviour' || normal !== null))
    return <NormalScoreLegend running={shown.anomalySource === 'normal-behaviour'} replaying={replaying} />;
  const title =
    colorBy.mode === 'rul'
      ? t('models.legend.rulTitle')
      : colorBy.mode === 'fault-type'
        ? t('models.legend.faultTitle')
        : t('models.legend.anomalyTitle');
  if (health !== 'running')
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        <Note>
          {replaying && shown.message
            ? t('models.legend.replay', { message: shown.message })
            : health === 'warming-up'
              ? t('models.legend.warming')
              : t('models.legend.noHealth')}
        </Note>
      </>
    );
  if (colorBy.mode === 'rul')
    return (
      <>
        <div className="twin-legend-title">{title}</div>
        <Scale
          ticks={rulLegendTicks(RUL_CAP_HOURS).map((tick, k, all) =>
            k === 0
              ? { ...tick, label: t('models.legend.rulAtLeast', { label: tick.label }) }
              : k === all.length - 1
                ? { ...tick, label: t('models.legend.rulTrip') }
                : tick,
          )}
        />
        <Note>{t('models.legend.rulNote', { cap: RUL_CAP_HOURS })}</Note>
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
        <Note>{rows.length > 0 ? t('models.legend.faultNote') : t('models.legend.noFault')}</Note>
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
      <Note>{t('models.legend.anomalyNote', { grey: SCORE_GREY, blend: SCORE_BLEND })}</Note>
    </>
  );
}
