import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset } from '../../core/asset/parse';
import { localizeAsset } from '../../renderer/src/i18n/localize-asset';

const BUILT_IN = [
  'assets/pump-skid/asset.json',
  'assets/turbofan/asset.json',
  'assets/skab-testbed/asset.json',
  'assets/skab-testbed/asset-sparkplug.json',
  'assets/examples/pump-skid-glb/asset.json',
];
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function parsed(raw: unknown) {
  const r = parseAsset(raw);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.asset;
}

describe('asset display names in several languages', () => {
  it('reads a version 2 file unchanged: it simply has no translations', () => {
    const v2: Record<string, unknown> = { ...read('assets/pump-skid/asset.json'), schemaVersion: 2 };
    delete v2.translations;
    const asset = parsed(v2);
    expect(asset.schemaVersion).toBe(3);
    expect(localizeAsset(asset, 'zh-CN').name).toBe('Pump skid P-101');
  });

  it('names the field of a translation for an id the asset does not have', () => {
    const raw = read('assets/pump-skid/asset.json');
    const r = parseAsset({ ...raw, translations: { 'zh-CN': { tags: { no_such_tag: '无' } } } });
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'translations.zh-CN.tags.no_such_tag', message: 'unknown tag "no_such_tag"' },
    ]);
  });

  it.each(BUILT_IN)(
    '%s ships 简体中文 names for the asset and every part, tag, control and fault',
    (file) => {
      const asset = parsed(read(file));
      const zh = localizeAsset(asset, 'zh-CN');
      const english = [asset, ...asset.components, ...asset.tags, ...asset.controls, ...asset.faults];
      const chinese = [zh, ...zh.components, ...zh.tags, ...zh.controls, ...zh.faults];
      chinese.forEach((item, i) => expect(item.name, english[i]?.name).toMatch(/[\u4e00-\u9fff]/));
      // Ids, instrument tags and units stay as they are.
      expect(zh.tags.map((t) => [t.id, t.instrument, t.unit])).toEqual(
        asset.tags.map((t) => [t.id, t.instrument, t.unit]),
      );
    },
  );

  it('describes every pump-skid fault in 简体中文 on the Simulation tab', () => {
    const zh = localizeAsset(parsed(read('assets/pump-skid/asset.json')), 'zh-CN');
    expect(zh.faults.filter((f) => !/[\u4e00-\u9fff]/.test(f.description)).map((f) => f.id)).toEqual([]);
  });

  it('keeps the source names for a language the asset does not translate', () => {
    const asset = parsed(read('assets/pump-skid/asset.json'));
    expect(localizeAsset(asset, 'en')).toBe(asset);
    expect(localizeAsset(asset, 'zh-CN')).toBe(localizeAsset(asset, 'zh-CN'));
  });
});
