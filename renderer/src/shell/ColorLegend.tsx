import type { AlarmPriority } from '../../../core/api/types';
import { isModelColorBy } from '../scene/paint/painters';
import { ModelLegend } from '../features/live/predictions/ModelLegend';
import { WhyLegend } from '../features/live/predictions/WhyLegend';
import { StaleLegend } from '../features/connections/StaleLegend';
import { useSession, useView } from '../state/use-store';
import { ALARM_STYLE } from '../scene/alarm-style';
import { AlarmSymbol } from '../scene/AlarmSymbol';
import { viridisCss } from '../scene/paint/colormap';
import { useWhatIfLegend } from '../features/whatif/compare/delta-legend';
import '../scene/scene.css';

const GRADIENT = viridisCss();

/**
 * Key to the 3D colors: the viridis scale with the active mode's meaning and units (model modes: ModelLegend),
 * the "grey = normal" rule, the health model's "why" outlines, and the alarm symbols (which never use the
 * data colormap).
 */
export function ColorLegend() {
  const colorBy = useView((s) => s.colorBy);
  const tagId = colorBy.mode === 'tag' ? colorBy.tagId : null;
  const asset = useSession((s) => s.session?.asset ?? null);
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
      title = 'Distance to alarm';
      low = 'normal';
      middle = 'alarm';
      high = 'trip';
      note =
        'Worst tag of each part; grey inside its normal band. Lower half: normal band to alarm limit; upper half: alarm to trip limit (no trip: as far again past the alarm).';
      break;
    case 'tag': {
      const lo = tag
        ? Math.min(tag.normal[0], tag.alarm?.low ?? tag.normal[0], tag.trip?.low ?? tag.normal[0])
        : 0;
      const hi = tag
        ? Math.max(tag.normal[1], tag.alarm?.high ?? tag.normal[1], tag.trip?.high ?? tag.normal[1])
        : 1;
      const d = tag?.decimals ?? 1;
      title = tag ? `${tag.instrument} ${tag.name}` : 'Tag value';
      low = tag ? `${lo.toFixed(d)} ${tag.unit}` : '';
      high = tag ? `${hi.toFixed(d)} ${tag.unit}` : '';
      note =
        'Only the part that carries this tag is coloured; the others stay grey. Span: lowest to highest limit.';
      break;
    }
    case 'whatif-delta': {
      const d = whatIf.delta;
      title = d?.title ?? 'Change vs do nothing';
      low = d?.low ?? '';
      high = d?.high ?? '';
      note = d?.note ?? '';
      showScale = d?.showScale ?? false;
      break;
    }
    default:
      title = 'Colour off';
      note = 'All parts in their normal grey.';
      showScale = false;
  }

  const isModel = colorBy.mode === 'prediction' || isModelColorBy(colorBy);
  return (
    <div className="twin-legend" data-testid="color-legend" data-mode={colorBy.mode}>
      {isModel ? (
        <ModelLegend colorBy={colorBy} asset={asset} />
      ) : (
        <>
          <div className="twin-legend-title">{title}</div>
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
            {ALARM_STYLE[p].label}
          </span>
        ))}
      </div>
      {/* The explanations fold away: open, the legend would cover much of a small window's view. */}
      <details className="twin-legend-more" data-testid="legend-more">
        <summary>What the colors and symbols mean</summary>
        {!isModel && <div className="twin-legend-note">{note}</div>}
        <div className="twin-legend-states">
          <span className="twin-legend-alarm">
            <AlarmSymbol priority="high" state="unack" size={14} /> flashing: unacknowledged
          </span>
          <span className="twin-legend-alarm">
            <AlarmSymbol priority="high" state="rtn-unack" size={14} /> hollow: cleared, not acknowledged
          </span>
          <span className="twin-legend-alarm">steady: acknowledged · shelved: not shown in 3D</span>
        </div>
      </details>
    </div>
  );
}
