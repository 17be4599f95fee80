import { useTranslation } from 'react-i18next';
import type { NormalPreflightIssue } from '../../../../core/ml/normal/preflight-issue';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { knownFaultText } from './known-fault-text';
import { span } from './models-format';

/** Refusals and warnings of the pre-training checks, each naming the tag and the time range. */
export function PreflightList({
  issues,
  kind,
}: {
  issues: NormalPreflightIssue[];
  kind: 'refusal' | 'warning';
}) {
  const { t } = useTranslation('models');
  const asset = useLocalizedAsset();
  if (issues.length === 0) return null;
  return (
    <ul className={`normal-preflight ${kind}`} data-testid={`normal-${kind}s`}>
      {issues.map((issue, k) => (
        <li key={k} data-testid={`normal-${kind}`} data-code={issue.code} data-tag={issue.tagId ?? ''}>
          <strong>{kind === 'refusal' ? t('normal.refused') : t('normal.warning')}</strong>
          <span className="normal-preflight-tag">{issue.tagId ?? t('normal.allTags')}</span>
          <span className="normal-preflight-span">
            {issue.fromMs !== undefined && issue.toMs !== undefined ? span(issue.fromMs, issue.toMs) : ''}
          </span>
          <span>{(issue.fault && knownFaultText(issue.fault, asset)) ?? issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
