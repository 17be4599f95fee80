/**
 * Render on demand: which changes ask the live scene for a frame. At 1× live a telemetry batch, the timeline's
 * growing range and the model's answer to the batch come at different moments; only the batch (and what the
 * user does) may cost a frame, so 1 Hz data draws about one frame a second.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFrameRequests } from '../../renderer/src/scene/frame-requests';
import { connectionsStore } from '../../renderer/src/state/connections-store';
import { playbackStore } from '../../renderer/src/state/playback-store';
import { predictionStore } from '../../renderer/src/state/prediction-store';
import { telemetryStore } from '../../renderer/src/state/telemetry-store';
import { viewStore } from '../../renderer/src/state/view-store';
import { hoverWhyTag } from '../../renderer/src/state/why';

let invalidate: ReturnType<typeof vi.fn<() => void>>;
let stop: () => void;
const batch = () => telemetryStore.setState({ ...telemetryStore.getState() });

beforeEach(() => {
  vi.useFakeTimers();
  invalidate = vi.fn<() => void>();
  stop = startFrameRequests(invalidate);
  invalidate.mockClear(); // the first frame on start
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('frame requests', () => {
  it('draws a telemetry batch and a user change at once', () => {
    batch();
    expect(invalidate).toHaveBeenCalledTimes(1);
    viewStore.setState({ xray: !viewStore.getState().xray });
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it('draws when the pointer enters or leaves a "why" tag, so its outline follows while paused', () => {
    hoverWhyTag('bearing_de_vibration');
    expect(invalidate).toHaveBeenCalledTimes(1);
    hoverWhyTag(null);
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it('does not draw for the timeline range growing each second while live', () => {
    playbackStore.setState({ range: { from: 0, to: 1000 }, view: { from: 0, to: 1000 } });
    vi.advanceTimersByTime(5000);
    expect(invalidate).not.toHaveBeenCalled();
    playbackStore.setState({ mode: 'replay', playhead: 500 });
    expect(invalidate).toHaveBeenCalledTimes(1);
    playbackStore.setState({ mode: 'live' });
  });

  it('draws a model answer with the next batch, or on its own a second later when no batch comes', () => {
    predictionStore.setState({ ticks: predictionStore.getState().ticks + 1 });
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(800);
    batch(); // the next batch's frame shows the answer too
    vi.advanceTimersByTime(2000);
    expect(invalidate).toHaveBeenCalledTimes(1);
    // Paused: no batch follows, the answer is drawn after a second.
    predictionStore.setState({ ticks: predictionStore.getState().ticks + 1 });
    vi.advanceTimersByTime(999);
    expect(invalidate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it('draws when a live source goes stale (the hatching), not for each status snapshot', () => {
    const tag = {
      tagId: 'flow',
      connection: 'mqtt',
      where: 't',
      lastValueAt: 1,
      stale: false,
      problem: null,
    };
    connectionsStore.setState({ byTag: new Map([['flow', tag]]) });
    invalidate.mockClear();
    connectionsStore.setState({ byTag: new Map([['flow', { ...tag, lastValueAt: 2 }]]), receivedAt: 2 });
    expect(invalidate).not.toHaveBeenCalled();
    connectionsStore.setState({ byTag: new Map([['flow', { ...tag, stale: true }]]) });
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
