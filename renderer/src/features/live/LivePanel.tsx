import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { useThrottledTelemetryVersion } from '../../hooks/useThrottledTelemetryVersion';
import { usePlayhead } from '../../hooks/use-playhead';
import { useSession } from '../../state/use-store';
import { selectComponent } from '../../state/view-store';
import { AlarmList } from './AlarmList';
import { priorityCoding, worstAlarm, worstAlarmByTag } from './alarm-logic';
import { groupTagsByComponent } from './tag-groups';
import { TagRow } from './TagRow';
import { displayedQuality, displayValues } from '../../state/display-values';

/** Alarm summary above every tag, grouped by component; re-renders at most 4 times a second. */
export function LivePanel({ onShowSelection }: { onShowSelection: () => void }) {
  const { t } = useTranslation(['live', 'common']);
  useThrottledTelemetryVersion(250);
  const asset = useLocalizedAsset();
  const liveAlarms = useSession((s) => s.alarms);
  // Replaying: values and alarms as they stood at the playhead.
  const playhead = usePlayhead();
  const alarms = playhead.alarms ?? liveAlarms;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const byTag = worstAlarmByTag(alarms);

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (!asset) return <div className="empty-hint">{t('groups.waiting')}</div>;
  const groups = groupTagsByComponent(asset);

  return (
    <div className="live-panel">
      <AlarmList />
      <section className="tag-groups" aria-label={t('groups.label')}>
        {groups.map((g) => {
          const key = g.id || '__other';
          const open = !collapsed.has(key);
          const worst = worstAlarm(g.tags.flatMap((t) => byTag.get(t.tag.id) ?? []));
          return (
            <div key={key} className="tag-group" data-testid="tag-group" data-component-id={g.id}>
              <div
                className={`group-header ${worst ? `has-alarm ${priorityCoding[worst.priority].className} state-${worst.state}` : ''}`}
              >
                <button
                  type="button"
                  className="icon-button chevron"
                  aria-expanded={open}
                  aria-label={
                    open ? t('groups.collapse', { name: g.name }) : t('groups.expand', { name: g.name })
                  }
                  onClick={() => toggle(key)}
                >
                  {open ? '▾' : '▸'}
                </button>
                <button
                  type="button"
                  className="link-button group-name"
                  disabled={!g.id}
                  onClick={() => {
                    selectComponent(g.id);
                    onShowSelection();
                  }}
                  title={g.id ? t('groups.select', { name: g.name }) : undefined}
                >
                  {g.name}
                </button>
                <span
                  className="group-state"
                  title={
                    worst
                      ? t('groups.alarm', { priority: t(`common:priority.${worst.priority}`) })
                      : t('groups.normal')
                  }
                >
                  {worst ? (
                    <>
                      <span aria-hidden="true">{priorityCoding[worst.priority].shape}</span>{' '}
                      {t(`common:priority.${worst.priority}`)}
                    </>
                  ) : (
                    <span className="muted">{t('groups.ok')}</span>
                  )}
                </span>
                <span className="group-count muted num">{g.tags.length}</span>
              </div>
              {open && (
                <ul className="tag-list">
                  {g.tags.map(({ tag, index }) => (
                    <TagRow
                      key={tag.id}
                      tag={tag}
                      index={index}
                      value={displayValues()[index] ?? Number.NaN}
                      quality={displayedQuality(index)}
                      alarm={byTag.get(tag.id)}
                    />
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </section>
    </div>
  );
}
