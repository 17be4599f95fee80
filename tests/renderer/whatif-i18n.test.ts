import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n/i18n';
import { forkHeadline } from '../../renderer/src/features/whatif/fork-from-playhead';
import { formatAfterFork } from '../../renderer/src/features/whatif/compare/compare-format';

// The what-if's texts built outside React (fork line, times after the fork) follow the active language.
describe('what-if helper texts in the active language', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('speak English by default', () => {
    expect(forkHeadline(null)).toBe('not forked yet');
    expect(formatAfterFork(12)).toBe('+12 min');
    expect(formatAfterFork(180)).toBe('+3.0 h');
  });

  it('speak Chinese once the language is zh-CN', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(forkHeadline(null)).toBe('尚未分叉');
    expect(formatAfterFork(12)).toBe('+12 分钟');
    expect(formatAfterFork(180)).toBe('+3.0 小时');
  });
});
