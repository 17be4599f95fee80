import { useTranslation } from 'react-i18next';
import { useThrottledTelemetryVersion } from '../../hooks/useThrottledTelemetryVersion';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { chartWindow } from '../../state/chart-window';
import { usePlayhead } from '../../hooks/use-playhead';
import { useReplayWindow } from '../../hooks/use-replay-window';
import { useSession, useView } from '../../state/use-store';
import { focusComponent, selectComponent } from '../../state/view-store';
import { worstAlarmByTag } from './alarm-logic';
import { componentTags } from './tag-groups';
import { TagChart } from './TagChart';
import { TagRow } from './TagRow';
import { ForecastKey } from './predictions/ForecastKey';
import { PredictionSection } from './predictions/PredictionSection';
import { displayedQuality, displayValues } from '../../state/display-values';
import { displayedFreshness, isStaleLike } from '../../state/tag-freshness';

/** The selected component: its tags, their trends over ten simulated minutes, and a Focus button. */
export function SelectionPanel() {
  const { t } = useTranslation('live');
  const version = useThrottledTelemetryVersion(250);
  const asset = useLocalizedAsset();
  const liveAlarms = useSession((s) => s.alarms);
  // Replaying: values and alarms as they stood at the playhead.
  const playhead = usePlayhead();
  const alarms = playhead.alarms ?? liveAlarms;
  const selectedId = useView((s) => s.selectedComponent);
  const component = asset?.components.find((c) => c.id === selectedId) ?? null;
  const replayWindow = useReplayWindow(component?.tags ?? []);

  if (!asset || !component) {
    return (
      <div className="selection-panel" data-testid="selection-panel">
        <p className="empty-hint">{t('selection.empty')}</p>
      </div>
    );
  }

  const tags = componentTags(asset, component.id);
  const byTag = worstAlarmByTag(alarms);
  const silent = tags.filter(({ tag, index }) => isStaleLike(displayedFreshness(index, tag.id))).length;

  return (
    <div className="selection-panel" data-testid="selection-panel" data-component-id={component.id}>
      <div className="selection-header">
        <div>
          <h2 data-testid="selection-title">{component.name}</h2>
          <span className="muted">
            {t(`selection.kind.${component.kind}`)} · {component.id}
          </span>
        </div>
        <span className="section-spacer" />
        <button type="button" data-testid="btn-focus" onClick={() => focusComponent(component.id)}>
          {t('selection.focus')}
        </button>
        <button type="button" onClick={() => selectComponent(null)} title={t('selection.clearTitle')}>
          {t('selection.clear')}
        </button>
      </div>
      {silent > 0 && (
        <p className="selection-stale" data-testid="selection-stale">
          <span className="stale-swatch" aria-hidden="true" />
          {t('selection.stale', { silent, total: tags.length })}
        </p>
      )}
      <PredictionSection asset={asset} componentId={component.id} />
      {tags.length === 0 ? (
        <p className="empty-hint">{t('selection.noInstruments')}</p>
      ) : (
        <>
          <ul className="tag-list">
            {tags.map(({ tag, index }) => (
              <TagRow
                key={tag.id}
                tag={tag}
                index={index}
                value={displayValues()[index] ?? Number.NaN}
                quality={displayedQuality(index)}
                alarm={byTag.get(tag.id)}
                testId="selection-tag"
                sparkline={false}
              />
            ))}
          </ul>
          <h3 className="charts-title">
            {playhead.replaying ? t('selection.chartsReplay') : t('selection.chartsLive')}
          </h3>
          {!playhead.replaying && <ForecastKey />}
          <div className="chart-list">
            {tags.map(({ tag, index }) => (
              <figure key={tag.id} className="chart-card">
                <figcaption>
                  <span className="tag-instrument">{tag.instrument}</span> {tag.name}
                  <span className="muted"> [{tag.unit}]</span>
                </figcaption>
                <TagChart
                  tag={tag}
                  index={index}
                  version={version}
                  replay={replayWindow ? chartWindow(replayWindow, tag.id) : null}
                  forecast
                />
              </figure>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
