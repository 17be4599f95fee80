import { hoverWhyTag, type WhyEntry } from '../../../state/why';

/**
 * The "why" row of a prediction section: the tags driving the score, strongest first; hovering one singles
 * out its part in 3D. The sections differ only in their words (label, none, each entry's text and title).
 */
export function WhyListRow(props: {
  label: string;
  none: string;
  entries: readonly WhyEntry[];
  entryText: (entry: WhyEntry, index: number) => string;
  entryTitle: (entry: WhyEntry, index: number) => string;
}) {
  const { label, none, entries, entryText, entryTitle } = props;
  return (
    <li className="tag-row prediction-row prediction-why" data-testid="prediction-why">
      <span>{label}</span>
      <span className="section-spacer" />
      <span className="why-list" onMouseLeave={() => hoverWhyTag(null)}>
        {entries.length === 0
          ? none
          : entries.map((w, k) => (
              <span
                key={w.tagId}
                className="why-entry"
                data-testid="why-entry"
                data-tag-id={w.tagId}
                data-part={w.componentId ?? ''}
                title={entryTitle(w, k)}
                onMouseEnter={() => hoverWhyTag(w.tagId)}
              >
                {entryText(w, k)}
              </span>
            ))}
      </span>
    </li>
  );
}
