/** What-if: fork from now or the playhead, change setpoints, inject faults, compare outcomes. */
export function WhatIfPanel() {
  return <p className="empty-hint">What-if scenarios are not available yet.</p>;
}
