/** Fleet view: many assets in 3D, sorted and colored by predicted remaining life. */
export function FleetView() {
  return null;
}
