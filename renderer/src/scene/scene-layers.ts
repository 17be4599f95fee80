/**
 * Stacking order over the 3D view, lowest first. drei's Html gives each label or badge a z-index inside its
 * range (nearer the camera, higher); overlays that the user must read or answer, such as the trainer's
 * captions and question cards, stand above all of them (below toasts at 40 and dialogs at 50).
 */
export const SCENE_LAYERS = {
  /** Part labels: [nearest, farthest]. */
  labels: [15, 5],
  /** Alarm badges, over the labels. */
  badges: [30, 20],
  /** Captions, question cards and the colour legend over the 3D view. */
  overlay: 35,
} as const;
