import { resetCamera, toggleLabels, toggleXray } from './state/view-store';

/** Desktop menu items (View → Reset camera, X-ray, Labels) arrive from the Electron shell. */
export function bindMenuActions(): void {
  window.twin?.onMenu((action) => {
    if (action === 'reset-camera') resetCamera();
    else if (action === 'toggle-xray') toggleXray();
    else if (action === 'toggle-labels') toggleLabels();
  });
}
