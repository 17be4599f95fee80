import { useTranslation } from 'react-i18next';
import type { AlarmPriority } from '../../../core/api/types';
import { useLocalizedAsset } from '../hooks/use-localized-asset';
import { formatValue, withUnit } from '../format';
import { isModelColorBy } from '../scene/paint/painters';
import { ModelLegend } from '../features/live/predictions/ModelLegend';
import { WhyLegend } from '../features/live/predictions/WhyLegend';
import { StaleLegend } from '../features/connections/StaleLegend';
import { useView } from '../state/use-store';
import { AlarmSymbol } from '../scene/AlarmSymbol';
import { viridisCss } from '../scene/paint/colormap';
import { useWhatIfLegend } from '../features/whatif/compare/delta-legend';
import { ForecastColorControls } from '../features/live/predictions/ModelColorOptions';
import { TagColorPicker } from './TagColorPicker';
import '../scene/scene.css';

const GRADIENT = viridisCss();

/**
 * Key to the 3D colors: the viridis scale with the active mode's meaning and units (model modes: ModelLegend),
 * the "grey = normal" rule, the health model's "why" outlines, and the alarm symbols (which never use the
 * data colormap).
 */
export function ColorLegend() {
  const { t } = useTranslation(['shell', 'common']);
  const colorBy = useView((s) => s.colorBy);
  const tagId = colorBy.mode === 'tag' ? colorBy.tagId : null;
  const asset = useLocalizedAsset();
  const tag = tagId ? asset?.tags.find((t) => t.id === tagId) : undefined;
  const whatIf = useWhatIfLegend(colorBy.mode === 'whatif-delta');

  let title: string;
  let low = '';
  let middle = '';
  let high = '';
  let note: string;
  let showScale = true;
  switch (colorBy.mode) {
    case 'alarm-distance':
      title = t('legend.alarmDistance');
      low = t('legend.normal');
      middle = t('legend.alarm');
      high = t('legend.trip');
      note = t('legend.alarmDistanceNote');
      break;
    case 'tag': {
      const lo = tag
        ? Math.min(tag.normal[0], tag.alarm?.low ?? tag.normal[0], tag.trip?.low ?? tag.normal[0])
        : 0;
      const hi = tag
        ? Math.max(tag.normal[1], tag.alarm?.high ?? tag.normal[1], tag.trip?.high ?? tag.normal[1])
        : 1;
      const d = tag?.decimals ?? 1;
      title = tag ? `${tag.instrument} ${tag.name}` : t('legend.tagValue');
      low = tag ? withUnit(formatValue(lo, d), tag.unit) : '';
      high = tag ? withUnit(formatValue(hi, d), tag.unit) : '';
      note = t('legend.tagNote');
      break;
    }
    case 'whatif-delta': {
      const d = whatIf.delta;
      title = d?.title ?? t('legend.whatifDelta');
      low = d?.low ?? '';
      high = d?.high ?? '';
      note = d?.note ?? '';
      showScale = d?.showScale ?? false;
      break;
    }
    default:
      title = t('legend.off');
      note = t('legend.offNote');
      showScale = false;
  }

  const isModel = colorBy.mode === 'prediction' || isModelColorBy(colorBy);
  return (
    <div className="twin-legend" data-testid="color-legend" data-mode={colorBy.mode}>
      {colorBy.mode === 'forecast' && (
        <div className="twin-legend-pickers">
          <ForecastColorControls />
        </div>
      )}
      {isModel ? (
        <ModelLegend colorBy={colorBy} asset={asset} />
      ) : (
        <>
          {colorBy.mode === 'tag' ? (
            <TagColorPicker tagId={colorBy.tagId} />
          ) : (
            <div className="twin-legend-title">{title}</div>
          )}
          {showScale && (
            <>
              <div
                className={`twin-legend-bar${middle ? ' twin-legend-bar-halved' : ''}`}
                style={{ background: GRADIENT }}
              />
              <div className={`twin-legend-ends${middle ? ' twin-legend-ends-three' : ''}`}>
                <span>{low}</span>
                {middle && <span className="twin-legend-middle">{middle}</span>}
                <span>{high}</span>
              </div>
            </>
          )}
        </>
      )}
      <WhyLegend asset={asset} />
      <StaleLegend />
      {whatIf.delta?.biggest && (
        <div className="twin-legend-note twin-legend-strong" data-testid="legend-biggest-change">
          {whatIf.delta.biggest}
        </div>
      )}
      {whatIf.compare && (
        <div className="twin-legend-note" data-testid="legend-compare">
          {whatIf.compare}
        </div>
      )}
      <div className="twin-legend-alarms">
        {(['high', 'medium', 'low'] as AlarmPriority[]).map((p) => (
          <span key={p} className="twin-legend-alarm">
            <AlarmSymbol priority={p} state="ack" size={16} />
            {t(`common:priorityLong.${p}`)}
          </span>
        ))}
      </div>
      {/* The explanations fold away: open, the legend would cover much of a small window's view. */}
      <details className="twin-legend-more" data-testid="legend-more">
        <summary>{t('legend.more')}</summary>
        {!isModel && <div className="twin-legend-note">{note}</div>}
        <div className="twin-legend-states">
          <span className="twin-legend-alarm">
            <AlarmSymbol priority="high" state="unack" size={14} /> {t('legend.flashing')}
          </span>
          <span className="twin-legend-alarm">
            <AlarmSymbol priority="high" state="rtn-unack" size={14} /> {t('legend.hollow')}
          </span>
          <span className="twin-legend-alarm">{t('legend.steady')}</span>
        </div>
      </details>
    </div>
  );
}
