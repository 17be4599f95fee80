/**
 * The model entries of the toolbar's "Color by" menu (anomaly probability, remaining useful life, fault type,
 * predicted value at +H) and the tag and horizon pickers of the forecast mode.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { PUMP_TAGS } from '../../../../../core/ml/pump/spec';
import { predictionStore } from '../../../state/prediction-store';
import { useView } from '../../../state/use-store';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { setColorBy, type ColorBy } from '../../../state/view-store';
import { FORECAST_COLOR_HORIZONS_MIN, forecastStore, type LiveForecast } from '../../../state/forecast-store';
import { defaultForecastTag } from '../../../state/forecast-default-tag';
import './predictions.css';
import { normalModelStore } from '../../../state/normal-model-store';

const DEFAULT_HORIZON_MIN = 30;

const forecastTags = (asset: AssetDefinition | null) =>
  asset?.tags.filter((t) => PUMP_TAGS.includes(t.id)) ?? [];

/**
 * The ColorBy for a model entry of the menu, or null for other values: the forecast starts at +30 min on the
 * tag whose prediction matters most (see defaultForecastTag).
 */
export function modelColorBy(
  value: string,
  asset: AssetDefinition | null,
  selected: string | null,
  forecast: LiveForecast | null = forecastStore.getState().forecast,
): ColorBy | null {
  if (value === 'prediction' || value === 'rul' || value === 'fault-type') return { mode: value };
  if (value !== 'forecast' || !asset) return null;
  const ofSelected = asset.components.find((c) => c.id === selected)?.tags ?? [];
  const tagId = defaultForecastTag(asset, PUMP_TAGS, forecast, DEFAULT_HORIZON_MIN, ofSelected);
  return tagId ? { mode: 'forecast', tagId, horizonMin: DEFAULT_HORIZON_MIN } : null;
}

/** The menu's model entries, disabled (saying why) until the models are loaded. */
export function ModelColorOptions() {
  const { t } = useTranslation('live');
  const health = useStore(predictionStore, (s) => s.status);
  const healthMessage = useStore(predictionStore, (s) => s.message);
  const forecast = useStore(forecastStore, (s) => s.status);
  const forecastMessage = useStore(forecastStore, (s) => s.message);
  const normalColours = useStore(predictionStore, (s) => s.anomalySource === 'normal-behaviour');
  const healthReady = (health === 'running' || health === 'warming-up') && !normalColours;
  // A deployed normal-behaviour model colours "Anomaly probability" on assets without a health model.
  const normalReady = useStore(normalModelStore, (st) => st.status === 'running');
  const anomalyReady = healthReady || normalReady;
  const forecastReady = forecast === 'running' || forecast === 'warming-up';
  const note = (ready: boolean, status: string) =>
    ready
      ? ''
      : status === 'loading' || status === 'starting' || status === 'idle'
        ? t('models.loading')
        : t('models.noModel');
  const healthTitle = healthReady ? t('models.healthOutput') : (healthMessage ?? t('models.noHealthModel'));
  return (
    <optgroup label={t('models.group')}>
      <option
        value="prediction"
        disabled={!anomalyReady}
        title={healthReady || !normalReady ? healthTitle : t('models.normalModelScore')}
      >
        {t('models.anomaly')}
        {note(anomalyReady, health)}
      </option>
      <option value="rul" disabled={!healthReady} title={healthTitle}>
        {t('models.rul')}
        {note(healthReady, health)}
      </option>
      <option value="fault-type" disabled={!healthReady} title={healthTitle}>
        {t('models.faultType')}
        {note(healthReady, health)}
      </option>
      <option
        value="forecast"
        disabled={!forecastReady}
        title={forecastReady ? t('models.forecasterOutput') : (forecastMessage ?? t('models.noForecaster'))}
      >
        {t('models.forecast')}
        {note(forecastReady, forecast)}
      </option>
    </optgroup>
  );
}

/** Tag and horizon pickers of the forecast mode, shown in the colour legend. */
export function ForecastColorControls() {
  const { t } = useTranslation('live');
  const colorBy = useView((s) => s.colorBy);
  const asset = useLocalizedAsset();
  if (colorBy.mode !== 'forecast') return null;
  return (
    <>
      <select
        className="forecast-tag-select"
        data-testid="color-by-forecast-tag"
        aria-label={t('models.forecastTag')}
        value={colorBy.tagId}
        onChange={(e) => setColorBy({ ...colorBy, tagId: e.target.value })}
      >
        {forecastTags(asset).map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.instrument} — {tag.name}
          </option>
        ))}
      </select>
      <select
        data-testid="color-by-forecast-horizon"
        aria-label={t('models.minutesAhead')}
        value={colorBy.horizonMin}
        onChange={(e) => setColorBy({ ...colorBy, horizonMin: Number(e.target.value) })}
      >
        {FORECAST_COLOR_HORIZONS_MIN.map((h) => (
          <option key={h} value={h}>
            {t('models.plusMinutes', { minutes: h })}
          </option>
        ))}
      </select>
    </>
  );
}
