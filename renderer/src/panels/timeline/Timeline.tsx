/** History timeline across the bottom of the window (play, scrub, zoom, events). */
export function Timeline() {
  return null;
}
