/**
 * Where the path of an import or export is taken: on the desktop any path on this computer; in web mode only
 * the server's exchange folder (`exchangeDir` from historyInfo), where a bare file name lands.
 */
export function FileLocationHint({ exchangeDir, extra }: { exchangeDir: string | null; extra?: string }) {
  return (
    <p className="muted history-hint" data-testid="file-location-hint">
      {exchangeDir === null ? (
        'A path on this computer.'
      ) : (
        <>
          Web mode: files are read from and written to the exchange folder on the server,{' '}
          <code data-testid="exchange-dir">{exchangeDir}</code>; put files there, and a bare file name means a
          file in it.
        </>
      )}
      {extra ? ` ${extra}` : ''}
    </p>
  );
}
