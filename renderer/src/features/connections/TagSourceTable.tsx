import { useState } from 'react';
import type { TagSourceStatus } from '../../../../core/api/domains/connections';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { agoText, needsAttention, tagSourceState } from './connections-format';

/** Rows drawn at most; the filter narrows a large asset down to what needs looking at. */
const MAX_ROWS = 300;

interface Props {
  tags: TagSourceStatus[];
  asset: AssetDefinition;
  now: number;
}

function StateCell({ tag, now }: { tag: TagSourceStatus; now: number }) {
  const state = tagSourceState(tag);
  if (state === 'never') return <span className="tag-state-never">never received</span>;
  if (state === 'stale')
    return <span className="tag-state-stale">stale · {agoText(tag.lastValueAt, now)}</span>;
  if (state === 'problem')
    return (
      <span className="tag-state-problem">
        <span aria-hidden="true">▲ </span>
        {tag.problem}
      </span>
    );
  return <span className="muted">fresh</span>;
}

/** Each bound tag: where its value comes from, when it last arrived, and whether it is fresh. */
export function TagSourceTable({ tags, asset, now }: Props) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const byId = new Map(asset.tags.map((t) => [t.id, t]));
  const shown = onlyProblems ? tags.filter(needsAttention) : tags;
  const attention = tags.filter(needsAttention).length;
  const severalConnections = new Set(tags.map((t) => t.connection)).size > 1;

  return (
    <section className="tag-sources" aria-label="Tags and their sources">
      <div className="tag-sources-head">
        <h3>
          Tags <span className="muted num">({tags.length})</span>
        </h3>
        <span className="muted num" data-testid="tag-sources-attention">
          {attention === 0 ? 'all fresh' : `${attention} need attention`}
        </span>
        <span className="section-spacer" />
        <label className="inline-field">
          <input
            type="checkbox"
            checked={onlyProblems}
            data-testid="tag-sources-filter"
            onChange={(e) => setOnlyProblems(e.target.checked)}
          />
          <span>Only tags with a problem or never received</span>
        </label>
      </div>
      <div className="tag-sources-wrap">
        <table className="tag-sources-table" data-testid="tag-sources">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              {severalConnections && <th scope="col">Connection</th>}
              <th scope="col">Where</th>
              <th scope="col">Last value</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((t) => {
              const tag = byId.get(t.tagId);
              return (
                <tr
                  key={t.tagId}
                  data-testid="tag-source-row"
                  data-tag-id={t.tagId}
                  data-state={tagSourceState(t)}
                >
                  <td>
                    <span className="tag-instrument">{tag?.instrument ?? t.tagId}</span> {tag?.name ?? ''}
                  </td>
                  {severalConnections && <td>{t.connection}</td>}
                  <td>
                    <code>{t.where}</code>
                  </td>
                  <td className="num">{agoText(t.lastValueAt, now)}</td>
                  <td>
                    <StateCell tag={t} now={now} />
                  </td>
                </tr>
              );
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={severalConnections ? 5 : 4} className="muted">
                  {onlyProblems ? 'Every tag is fresh.' : 'No tag is bound to a live source.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shown.length > MAX_ROWS && (
        <p className="muted">
          Showing the first {MAX_ROWS} of {shown.length} tags.
        </p>
      )}
    </section>
  );
}
