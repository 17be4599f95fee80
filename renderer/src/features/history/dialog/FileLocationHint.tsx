import { Trans, useTranslation } from 'react-i18next';

/**
 * Where the path of an import or export is taken: on the desktop any path on this computer; in web mode only
 * the server's exchange folder (`exchangeDir` from historyInfo), where a bare file name lands.
 */
export function FileLocationHint({ exchangeDir, extra }: { exchangeDir: string | null; extra?: string }) {
  const { t } = useTranslation('history');
  return (
    <p className="muted history-hint" data-testid="file-location-hint">
      {exchangeDir === null ? (
        t('dialog.location.desktop')
      ) : (
        <Trans
          t={t}
          i18nKey="dialog.location.web"
          values={{ dir: exchangeDir }}
          components={[<code key="dir" data-testid="exchange-dir" />]}
        />
      )}
      {extra ? ` ${extra}` : ''}
    </p>
  );
}
