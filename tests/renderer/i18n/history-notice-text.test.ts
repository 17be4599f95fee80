// The history store's running notices (recording paused and resumed) reach the user in the active language;
// in English they are the backend's own words.
import { afterEach, describe, expect, it } from 'vitest';
import { recordingNotice } from '../../../electron/services/history/recording-notice';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { phraseText } from '../../../renderer/src/i18n/phrase-text';

const paused = recordingNotice({
  pausedReason: 'IO Error: No space left on device',
  samplesNotStored: 0,
  pendingSamples: 10,
});
const resumedWithLoss = recordingNotice({ pausedReason: null, samplesNotStored: 300, pendingSamples: 0 });
const resumed = recordingNotice({ pausedReason: null, samplesNotStored: 0, pendingSamples: 0 });
const say = (n: typeof paused) => phraseText(n.phrase, n.message);

describe('history notices in the active language', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('say in English what the backend wrote', () => {
    for (const notice of [paused, resumedWithLoss, resumed]) expect(say(notice)).toBe(notice.message);
  });

  it('say a pause and a resume in Chinese, the disk’s own words kept', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(say(paused)).toBe(
      '历史记录已暂停：IO Error: No space left on device。实时样本暂存在内存中（有上限，超出时丢弃最早的样本），磁盘恢复写入后立即保存。',
    );
    expect(say(resumedWithLoss)).toBe('历史记录已恢复：重新开始记录；磁盘故障期间有 300 个样本未能保存。');
    expect(say(resumed)).toBe('历史记录已恢复：重新开始记录；没有丢失样本。');
  });
});
