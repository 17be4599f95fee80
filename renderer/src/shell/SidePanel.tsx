import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runsLive } from '../state/connections-store';
import { useConnections, useSession, useView } from '../state/use-store';
import { countByPriority } from '../features/live/alarm-logic';
import { LivePanel } from '../features/live/LivePanel';
import { SelectionPanel } from '../features/live/SelectionPanel';
import { SimulationPanel } from '../features/live/simulation/SimulationPanel';
import { TrainerPanel } from '../features/trainer/TrainerPanel';
import { WhatIfPanel } from '../features/whatif/panel/WhatIfPanel';

export type SideTab = 'live' | 'selection' | 'simulation' | 'whatif' | 'trainer';
const TABS: readonly SideTab[] = ['live', 'selection', 'simulation', 'whatif', 'trainer'];

/** Right-hand panel with the Live, Selection, Simulation, What-if and Trainer tabs. */
export function SidePanel({ tab, onTab }: { tab: SideTab; onTab: (tab: SideTab) => void }) {
  const { t } = useTranslation('shell');
  const alarms = useSession((s) => s.alarms);
  const selected = useView((s) => s.selectedComponent);
  const live = useConnections(runsLive);
  const counts = countByPriority(alarms);
  const alarmCount = counts.high + counts.medium + counts.low;
  const unack = alarms.some((a) => a.state === 'unack' || a.state === 'rtn-unack');
  const tabRefs = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});

  // A new selection (from the 3D view or elsewhere) brings the Selection tab forward.
  const previous = useRef(selected);
  useEffect(() => {
    if (selected !== null && selected !== previous.current) onTab('selection');
    previous.current = selected;
  }, [selected, onTab]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.indexOf(tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    e.preventDefault();
    onTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t('tabs.panel')}>
      <div className="tabs" role="tablist" aria-label={t('tabs.list')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="tab"
            data-testid={`tab-${id}`}
            onClick={() => onTab(id)}
          >
            {t(`tabs.${id}`)}
            {id === 'live' && alarmCount > 0 && (
              <span
                className={`tab-badge ${counts.high > 0 ? 'prio-high' : counts.medium > 0 ? 'prio-medium' : 'prio-low'} ${unack ? 'state-unack' : ''}`}
                data-testid="alarm-count"
                title={t('tabs.alarmCount', { count: alarmCount })}
              >
                {alarmCount}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'live' && <LivePanel onShowSelection={() => onTab('selection')} />}
        {tab === 'selection' && <SelectionPanel />}
        {tab === 'simulation' && <SimulationPanel />}
        {tab === 'whatif' && <WhatIfPanel />}
        {tab === 'trainer' &&
          (live ? (
            <p className="empty-hint" data-testid="trainer-live-note">
              {t('tabs.trainerLiveNote')}
            </p>
          ) : (
            <TrainerPanel />
          ))}
      </div>
    </aside>
  );
}
