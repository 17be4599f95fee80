import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { loadAssetFiles, toggleRunPause } from './state/twin-actions';
import { AssetErrorDialog } from './shell/AssetErrorDialog';
import { Notices } from './shell/Notices';
import { isTimelineAction, type ShortcutAction } from './hooks/shortcuts';
import { runTimelineAction } from './shell/run-timeline-action';
import { ForkFromHere } from './features/whatif/panel/ForkFromHere';
import { SidePanel, type SideTab } from './shell/SidePanel';
import { StatusBar } from './shell/StatusBar';
import { Toolbar } from './shell/Toolbar';
import { ColorLegend } from './shell/ColorLegend';
import { SCENE_LAYERS } from './scene/scene-layers';
import { TwinView } from './shell/TwinView';
import { FleetView } from './features/fleet/FleetView';
import { Timeline } from './features/history/timeline/Timeline';
import { TrainerOverlay } from './features/trainer/TrainerOverlay';
import { useView } from './state/use-store';
import { onWhatIfRequested } from './features/whatif/fork-from-playhead';
import { resetCamera, selectComponent, toggleLabels, toggleXray } from './state/view-store';
import { toggleConnectionsPanel } from './state/connections-store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/alarms.css';

/** The main window: toolbar, 3D view with legend, side panel, status bar, toasts and dialogs. */
export function App() {
  const { t } = useTranslation('shell');
  const fileInput = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState<SideTab>('live');
  const [helpOpen, setHelpOpen] = useState(false);
  const view = useView((s) => s.view);

  const openAsset = useCallback(() => fileInput.current?.click(), []);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  useEffect(() => onWhatIfRequested(() => setTab('whatif')), []);

  useKeyboardShortcuts((action: ShortcutAction) => {
    if (isTimelineAction(action)) return runTimelineAction(action);
    switch (action) {
      case 'toggle-labels':
        return toggleLabels();
      case 'toggle-xray':
        return toggleXray();
      case 'reset-camera':
        return resetCamera();
      case 'run-pause':
        return toggleRunPause();
      case 'clear-selection':
        if (helpOpen) return setHelpOpen(false);
        return selectComponent(null);
      case 'open-asset':
        return openAsset();
      case 'toggle-help':
        return toggleHelp();
      case 'toggle-connections':
        return toggleConnectionsPanel();
    }
  });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    // Clear so that choosing the same file again fires another change.
    e.target.value = '';
    if (files.length > 0) void loadAssetFiles(files);
  };

  return (
    <div className="app" data-testid="app-root">
      <Toolbar onOpenAsset={openAsset} helpOpen={helpOpen} onToggleHelp={toggleHelp} />
      <input
        ref={fileInput}
        type="file"
        accept=".json,.glb"
        multiple
        hidden
        data-testid="asset-file-input"
        aria-label={t('toolbar.openAssetInput')}
        onChange={onFile}
      />
      <main className="viewport" aria-label={t('view.label')}>
        {/* The asset scene stays mounted (paused) under the fleet view, so switching back is instant. */}
        <div className="scene-layer" hidden={view === 'fleet'}>
          <TwinView active={view !== 'fleet'} />
          <div className="legend-overlay" style={{ zIndex: SCENE_LAYERS.overlay }}>
            <ColorLegend />
          </div>
          <TrainerOverlay />
        </div>
        {view === 'fleet' && <FleetView />}
      </main>
      <SidePanel tab={tab} onTab={setTab} />
      <div className="timeline-area">
        <Timeline replayActions={<ForkFromHere testId="btn-whatif-here" />} />
      </div>
      <StatusBar />
      <Notices />
      <AssetErrorDialog />
    </div>
  );
}

export default App;
