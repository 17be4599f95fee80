import { useTranslation } from 'react-i18next';
import { useLocalizedAsset } from '../hooks/use-localized-asset';
import { setColorBy } from '../state/view-store';

/**
 * Which tag "Live value of tag" colours by, picked in the colour legend: the toolbar keeps one width in every
 * colour mode and language.
 */
export function TagColorPicker({ tagId }: { tagId: string }) {
  const { t } = useTranslation('shell');
  const asset = useLocalizedAsset();
  if (!asset) return null;
  return (
    <select
      className="twin-legend-picker"
      data-testid="color-by-tag"
      aria-label={t('toolbar.tagToColorBy')}
      value={tagId}
      onChange={(e) => setColorBy({ mode: 'tag', tagId: e.target.value })}
    >
      {asset.tags.map((tag) => (
        <option key={tag.id} value={tag.id}>
          {tag.instrument} — {tag.name}
        </option>
      ))}
    </select>
  );
}
