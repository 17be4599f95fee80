import { afterEach, describe, expect, it } from 'vitest';
import { recorderStore, stopRecording } from '../../renderer/src/features/trainer/recorder';

describe('stopping a recording (issue #17, problem 10)', () => {
  afterEach(() => recorderStore.setState({ recording: null }));

  it('keeps recording and says why when the title was cleared', () => {
    const recording = {
      assetId: 'pump-skid',
      seed: 1,
      speed: 1,
      startedAt: 0,
      initialControls: {},
      events: [],
    };
    recorderStore.setState({ recording });
    expect(stopRecording('  ')).toBe('title: enter a title for the recorded scenario');
    expect(recorderStore.getState().recording).toBe(recording);
  });
});
