// The notice for a new session names the asset and its data source in the active language.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../core/api/types';
import { parseAssetJson } from '../../../core/asset/parse';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { sessionNoticeText } from '../../../renderer/src/shell/session-notice';

const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('the pump skid must parse');
const session = (assetSource: string) =>
  ({ asset: parsed.asset, assetSource, source: 'Pump-skid simulator (seed 7)' }) as SessionInfo;

describe('session notice', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('says a loaded asset and a changed data source in English as before', () => {
    const name = parsed.asset.name;
    expect(sessionNoticeText(session('built-in'), false)).toBe(`Loaded asset "${name}" from built-in`);
    expect(sessionNoticeText(session('my-skid.json'), false)).toBe(
      `Loaded asset "${name}" from my-skid.json`,
    );
    expect(sessionNoticeText(session('built-in'), true)).toBe(
      `${name} now runs from: Pump-skid simulator (seed 7)`,
    );
  });

  it('says them in Chinese with the asset’s Chinese name and the simulator in words', async () => {
    await i18n.changeLanguage('zh-CN');
    const name = parsed.asset.translations?.['zh-CN']?.name;
    expect(name).toMatch(/[\u4e00-\u9fff]/);
    expect(sessionNoticeText(session('built-in'), false)).toBe(`已加载内置资产“${name}”`);
    expect(sessionNoticeText(session('my-skid.json'), false)).toBe(`已从 my-skid.json 加载资产“${name}”`);
    expect(sessionNoticeText(session('built-in'), true)).toBe(
      `${name} 现在的数据源：泵撬仿真器（随机种子 7）`,
    );
  });
});
