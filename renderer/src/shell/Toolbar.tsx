import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalizedAsset } from '../hooks/use-localized-asset';
import { importCmapssFile } from '../features/fleet/fleet-session';
import { useCanCall } from '../state/session-role';
import { useSession, useView } from '../state/use-store';
import { resetCamera, setColorBy, toggleLabels, toggleXray, viewStore } from '../state/view-store';
import { modelColorBy, ModelColorOptions } from '../features/live/predictions/ModelColorOptions';
import { chooseWhatIfColor, WhatIfColorOption } from '../features/whatif/WhatIfColorOption';
import { AssetSwitcher } from './AssetSwitcher';
import { HelpPopover } from './HelpPopover';
import { QualitySelect } from './QualitySelect';
import { HistoryDialog } from '../features/history/dialog/HistoryDialog';
import { ModelsButton } from '../features/model-versions/ModelsButton';
import { ConnectionsButton } from '../features/connections/ConnectionsButton';
import { LanguageSelect } from './LanguageSelect';

interface ToolbarProps {
  onOpenAsset: () => void;
  helpOpen: boolean;
  onToggleHelp: () => void;
}

/**
 * Top bar: app and asset name, coloring, view toggles, asset file and help. The colour mode's own pickers (tag,
 * horizon) live in the colour legend, so the bar's width does not depend on the mode.
 */
export function Toolbar({ onOpenAsset, helpOpen, onToggleHelp }: ToolbarProps) {
  const { t } = useTranslation('shell');
  const asset = useLocalizedAsset();
  const desktop = useSession((s) => s.session?.host === 'electron');
  const importFleet = useCanCall('importCmapssBegin', t('access.importCmapss'));
  const openAsset = useCanCall('loadAsset', t('access.openAsset'));
  const colorBy = useView((s) => s.colorBy);
  const labels = useView((s) => s.labels);
  const xray = useView((s) => s.xray);
  const view = useView((s) => s.view);
  const cmapssInput = useRef<HTMLInputElement>(null);
  const [historyOpen, setHistoryOpen] = useState(false);

  const onModeChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const mode = e.target.value;
    const model = modelColorBy(mode, asset, viewStore.getState().selectedComponent);
    if (chooseWhatIfColor(mode)) return;
    if (model) setColorBy(model);
    else if (mode === 'off' || mode === 'alarm-distance') setColorBy({ mode });
    else if (mode === 'tag') {
      // Start with a tag of the selected component, else the first tag of the asset.
      const selected = viewStore.getState().selectedComponent;
      const component = asset?.components.find((c) => c.id === selected);
      const tagId = component?.tags[0] ?? asset?.tags[0]?.id;
      if (tagId) setColorBy({ mode: 'tag', tagId });
    }
  };

  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <span className="app-name">Twinscape</span>
      <span className="toolbar-sep" aria-hidden="true" />
      <span className="asset-name" data-testid="asset-name" title={asset?.description || undefined}>
        {asset?.name ?? t('toolbar.noAsset')}
      </span>
      <AssetSwitcher />
      <span className="toolbar-spacer" />
      <label className="toolbar-field">
        <span>{t('toolbar.colorBy')}</span>
        <select data-testid="color-by-select" value={colorBy.mode} onChange={onModeChange}>
          <option value="off">{t('toolbar.colorOff')}</option>
          <option value="alarm-distance">{t('toolbar.colorAlarmDistance')}</option>
          <option value="tag">{t('toolbar.colorTag')}</option>
          <ModelColorOptions />
          <WhatIfColorOption />
        </select>
      </label>
      <QualitySelect />
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="toggle"
        aria-pressed={labels}
        onClick={toggleLabels}
        title={t('toolbar.labelsTitle')}
      >
        {t('toolbar.labels')} <kbd>L</kbd>
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={xray}
        onClick={toggleXray}
        title={t('toolbar.xrayTitle')}
      >
        {t('toolbar.xray')} <kbd>X</kbd>
      </button>
      <button type="button" onClick={resetCamera} title={t('toolbar.resetCameraTitle')}>
        {t('toolbar.resetCamera')} <kbd>R</kbd>
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="toggle"
        data-testid="btn-fleet"
        aria-pressed={view === 'fleet'}
        onClick={() => viewStore.setState({ view: view === 'fleet' ? 'asset' : 'fleet' })}
        title={t('toolbar.fleetTitle')}
      >
        {t('toolbar.fleet')}
      </button>
      <button
        type="button"
        disabled={!importFleet.allowed}
        onClick={() => cmapssInput.current?.click()}
        title={importFleet.refusal ?? t('toolbar.importCmapssTitle')}
      >
        {t('toolbar.importCmapss')}
      </button>
      <input
        ref={cmapssInput}
        type="file"
        accept=".txt"
        hidden
        data-testid="cmapss-file-input"
        aria-label={t('toolbar.importCmapssInput')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Clear so that choosing the same file again fires another change.
          e.target.value = '';
          if (!file) return;
          viewStore.setState({ view: 'fleet' });
          void importCmapssFile(file);
        }}
      />
      <button
        type="button"
        data-testid="btn-history"
        onClick={() => setHistoryOpen(true)}
        title={t('toolbar.historyTitle')}
      >
        {t('toolbar.history')}
      </button>
      {historyOpen && <HistoryDialog onClose={() => setHistoryOpen(false)} />}
      <ModelsButton />
      <ConnectionsButton />
      <span className="toolbar-sep" aria-hidden="true" />
      {!desktop && <LanguageSelect />}
      <button
        type="button"
        data-testid="btn-open-asset"
        disabled={!openAsset.allowed}
        onClick={onOpenAsset}
        title={openAsset.refusal ?? t('toolbar.openAssetTitle')}
      >
        {t('toolbar.openAsset')}
      </button>
      <div className="help-anchor">
        <button
          type="button"
          className="help-button"
          aria-expanded={helpOpen}
          aria-label={t('toolbar.shortcuts')}
          title={t('toolbar.shortcutsTitle')}
          onClick={onToggleHelp}
        >
          ?
        </button>
        {helpOpen && <HelpPopover onClose={onToggleHelp} />}
      </div>
    </header>
  );
}
