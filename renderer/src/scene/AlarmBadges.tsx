import { useMemo } from 'react';
import { Html } from '@react-three/drei';
import type { Alarm } from '../../../core/api/types';
import type { SceneComponent } from './bind-components';
import { worstAlarm } from './alarm-style';
import { AlarmSymbol } from './AlarmSymbol';
import { useDisplayedAlarms } from '../state/use-displayed-alarms';
import { SCENE_LAYERS } from './scene-layers';
import { alarmText } from '../i18n/alarm-text';
import { useLocalizedAsset } from '../hooks/use-localized-asset';

/** One alarm badge (kept within reach of tall parts such as the tank) above each component with a non-shelved alarm; re-renders only when alarms change. */
export function AlarmBadges({ comps }: { comps: SceneComponent[] }) {
  const alarms = useDisplayedAlarms();
  const asset = useLocalizedAsset();
  const byComponent = useMemo(() => {
    const map = new Map<string, Alarm[]>();
    for (const a of alarms) {
      if (a.state === 'shelved') continue;
      const list = map.get(a.componentId) ?? [];
      list.push(a);
      map.set(a.componentId, list);
    }
    return map;
  }, [alarms]);

  return (
    <>
      {comps.map((c) => {
        const list = byComponent.get(c.id);
        const worst = list ? worstAlarm(list) : null;
        if (!list || !worst) return null;
        return (
          <Html
            key={c.id}
            position={[c.top.x, Math.min(c.top.y, c.centre.y + 0.9) + 0.14, c.top.z]}
            center
            pointerEvents="none"
            zIndexRange={[...SCENE_LAYERS.badges]}
          >
            <div
              className="twin-alarm-badge"
              data-testid={`alarm-badge-${c.id}`}
              data-priority={worst.priority}
              data-state={worst.state}
              title={alarmText(worst, asset)}
            >
              <AlarmSymbol priority={worst.priority} state={worst.state} />
              {list.length > 1 && <span className="twin-alarm-count">×{list.length}</span>}
            </div>
          </Html>
        );
      })}
    </>
  );
}
