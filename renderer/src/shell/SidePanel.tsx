import { useEffect, useRef, type KeyboardEvent } from 'react';
import { runsLive } from '../state/connections-store';
import { useConnections, useSession, useView } from '../state/use-store';
import { countByPriority } from '../features/live/alarm-logic';
import { LivePanel } from '../features/live/LivePanel';
import { SelectionPanel } from '../features/live/SelectionPanel';
import { SimulationPanel } from '../features/live/simulation/SimulationPanel';
import { TrainerPanel } from '../features/trainer/TrainerPanel';
import { WhatIfPanel } from '../features/whatif/panel/WhatIfPanel';

export type SideTab = 'live' | 'selection' | 'simulation' | 'whatif' | 'trainer';
const TABS: ReadonlyArray<{ id: SideTab; label: string }> = [
  { id: 'live', label: 'Live' },
  { id: 'selection', label: 'Selection' },
  { id: 'simulation', label: 'Simulation' },
  { id: 'whatif', label: 'What-if' },
  { id: 'trainer', label: 'Trainer' },
];

/** Right-hand panel with the Live, Selection, Simulation, What-if and Trainer tabs. */
export function SidePanel({ tab, onTab }: { tab: SideTab; onTab: (tab: SideTab) => void }) {
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
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    e.preventDefault();
    onTab(next.id);
    tabRefs.current[next.id]?.focus();
  };

  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            data-testid={`tab-${t.id}`}
            onClick={() => onTab(t.id)}
          >
            {t.label}
            {t.id === 'live' && alarmCount > 0 && (
              <span
                className={`tab-badge ${counts.high > 0 ? 'prio-high' : counts.medium > 0 ? 'prio-medium' : 'prio-low'} ${unack ? 'state-unack' : ''}`}
                data-testid="alarm-count"
                title={`${alarmCount} alarms`}
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
              The trainer plays scenarios on the simulator; this asset runs from its live sources now.
            </p>
          ) : (
            <TrainerPanel />
          ))}
      </div>
    </aside>
  );
}
