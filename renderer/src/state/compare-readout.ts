/** What the split view drew last, per component and side (0: do nothing, 1: plan); read by the test hooks. */
export const compareReadout = {
  /** Frames drawn split since the view was split. */
  frames: 0,
  /** Viewports drawn in the last frame. */
  views: 0,
  /** Preview index the last frame showed; null when there was nothing to preview. */
  previewIndex: null as number | null,
  scores: new Map<string, [number, number]>(),
  colors: new Map<string, [number, number, number, number, number, number]>(),
};
