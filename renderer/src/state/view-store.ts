import { createStore } from 'zustand/vanilla';

/** What the 3D components are colored by ('whatif-delta': change of the what-if plan against doing nothing). */
export type ColorBy =
  | { mode: 'off' }
  | { mode: 'alarm-distance' }
  | { mode: 'tag'; tagId: string }
  | { mode: 'prediction' }
  | { mode: 'rul' }
  | { mode: 'fault-type' }
  | { mode: 'forecast'; tagId: string; horizonMin: number }
  | { mode: 'whatif-delta' };

export interface ViewState {
  /** Main view: one asset in 3D, or the fleet of many. */
  view: 'asset' | 'fleet';
  colorBy: ColorBy;
  labels: boolean;
  xray: boolean;
  selectedComponent: string | null;
  hoveredComponent: string | null;
  /** Bumped to ask the camera to go back to its home view. */
  cameraResetToken: number;
  /** Component the camera should frame; bumped token re-triggers the same one. */
  focus: { componentId: string; token: number } | null;
}

export const createViewStore = () =>
  createStore<ViewState>(() => ({
    view: 'asset',
    colorBy: { mode: 'alarm-distance' },
    labels: true,
    xray: false,
    selectedComponent: null,
    hoveredComponent: null,
    cameraResetToken: 0,
    focus: null,
  }));

export const viewStore = createViewStore();

export const selectComponent = (id: string | null) => viewStore.setState({ selectedComponent: id });
export const hoverComponent = (id: string | null) => viewStore.setState({ hoveredComponent: id });
export const resetCamera = () => viewStore.setState((s) => ({ cameraResetToken: s.cameraResetToken + 1 }));
export const focusComponent = (componentId: string) =>
  viewStore.setState((s) => ({
    focus: { componentId, token: (s.focus?.token ?? 0) + 1 },
    selectedComponent: componentId,
  }));
export const toggleLabels = () => viewStore.setState((s) => ({ labels: !s.labels }));
export const toggleXray = () => viewStore.setState((s) => ({ xray: !s.xray }));
export const setColorBy = (colorBy: ColorBy) => viewStore.setState({ colorBy });
