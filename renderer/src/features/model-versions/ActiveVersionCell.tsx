/** First cell of a version row: the running version's mark, then its name. */
export function ActiveVersionCell({ active, name }: { active: boolean; name: string }) {
  return (
    <td>
      <span className="models-active-mark" aria-hidden="true">
        {active ? '●' : ''}
      </span>
      {name}
    </td>
  );
}
