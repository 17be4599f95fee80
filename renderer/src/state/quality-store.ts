import { createStore } from 'zustand/vanilla';

/** Rendering quality the user picks in the view options; 'auto' adapts to the measured frame times. */
export type QualitySetting = 'auto' | 'high' | 'balanced' | 'low';

export const QUALITY_SETTINGS: readonly QualitySetting[] = ['auto', 'high', 'balanced', 'low'];

export interface QualityState {
  setting: QualitySetting;
  /** Step chosen by the adaptive controller (scene/quality); null until the scene has started it. */
  autoStep: number | null;
  /** WebGL renderer name; `software` when it is a software rasteriser (Auto then starts at Low). */
  renderer: { name: string; software: boolean } | null;
}

const STORAGE_KEY = 'twinscape.quality';

const isSetting = (v: unknown): v is QualitySetting => QUALITY_SETTINGS.includes(v as QualitySetting);

function rememberedSetting(): QualitySetting {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isSetting(v) ? v : 'auto';
  } catch {
    return 'auto';
  }
}

export const qualityStore = createStore<QualityState>(() => ({
  setting: rememberedSetting(),
  autoStep: null,
  renderer: null,
}));

/** Sets and remembers (localStorage) the quality setting. */
export function setQualitySetting(setting: QualitySetting): void {
  qualityStore.setState({ setting });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, setting);
  } catch {
    // Storage may be unavailable (private mode); the setting still holds for this session.
  }
}
