import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagSourceStatus } from '../../../../core/api/domains/connections';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { phraseText } from '../../i18n/phrase-text';
import { agoText, needsAttention, tagSourceState } from './connections-format';

/** Rows drawn at most; the filter narrows a large asset down to what needs looking at. */
const MAX_ROWS = 300;

interface Props {
  tags: TagSourceStatus[];
  asset: AssetDefinition;
  now: number;
}

function StateCell({ tag, now }: { tag: TagSourceStatus; now: number }) {
  const { t } = useTranslation('connections');
  const state = tagSourceState(tag);
  if (state === 'never') return <span className="tag-state-never">{t('tags.neverReceived')}</span>;
  if (state === 'stale')
    return <span className="tag-state-stale">{t('tags.stale', { ago: agoText(tag.lastValueAt, now) })}</span>;
  if (state === 'problem')
    return (
      <span className="tag-state-problem">
        <span aria-hidden="true">▲ </span>
        {phraseText(tag.problemPhrase, tag.problem ?? '')}
      </span>
    );
  return <span className="muted">{t('tags.fresh')}</span>;
}

/** Each bound tag: where its value comes from, when it last arrived, and whether it is fresh. */
export function TagSourceTable({ tags, asset, now }: Props) {
  const { t } = useTranslation('connections');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const byId = new Map(asset.tags.map((tag) => [tag.id, tag]));
  const shown = onlyProblems ? tags.filter(needsAttention) : tags;
  const attention = tags.filter(needsAttention).length;
  const severalConnections = new Set(tags.map((s) => s.connection)).size > 1;

  return (
    <section className="tag-sources" aria-label={t('tags.label')}>
      <div className="tag-sources-head">
        <h3>
          {t('tags.title')} <span className="muted num">({tags.length})</span>
        </h3>
        <span className="muted num" data-testid="tag-sources-attention">
          {attention === 0 ? t('tags.allFresh') : t('tags.attention', { count: attention })}
        </span>
        <span className="section-spacer" />
        <label className="inline-field">
          <input
            type="checkbox"
            checked={onlyProblems}
            data-testid="tag-sources-filter"
            onChange={(e) => setOnlyProblems(e.target.checked)}
          />
          <span>{t('tags.onlyProblems')}</span>
        </label>
      </div>
      <div className="tag-sources-wrap">
        <table className="tag-sources-table" data-testid="tag-sources">
          <thead>
            <tr>
              <th scope="col">{t('tags.tag')}</th>
              {severalConnections && <th scope="col">{t('tags.connection')}</th>}
              <th scope="col">{t('tags.where')}</th>
              <th scope="col">{t('tags.lastValue')}</th>
              <th scope="col">{t('tags.state')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((s) => {
              const tag = byId.get(s.tagId);
              return (
                <tr
                  key={s.tagId}
                  data-testid="tag-source-row"
                  data-tag-id={s.tagId}
                  data-state={tagSourceState(s)}
                >
                  <td>
                    <span className="tag-instrument">{tag?.instrument ?? s.tagId}</span> {tag?.name ?? ''}
                  </td>
                  {severalConnections && <td>{s.connection}</td>}
                  <td>
                    <code>{s.where}</code>
                  </td>
                  <td className="num">{agoText(s.lastValueAt, now)}</td>
                  <td>
                    <StateCell tag={s} now={now} />
                  </td>
                </tr>
              );
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={severalConnections ? 5 : 4} className="muted">
                  {onlyProblems ? t('tags.everyFresh') : t('tags.noneBound')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shown.length > MAX_ROWS && (
        <p className="muted">{t('tags.firstOf', { shown: MAX_ROWS, total: shown.length })}</p>
      )}
    </section>
  );
}
