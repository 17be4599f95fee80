import { useEffect, useState } from 'react';
import { getTwinClient } from '../../../api/client';

/** The backend's exchange folder (web mode), or null where any path is accepted (desktop) or until known. */
export function useExchangeDir(): string | null {
  const [exchangeDir, setExchangeDir] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void getTwinClient()
      .historyInfo({})
      .then((info) => live && setExchangeDir(info.exchangeDir))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return exchangeDir;
}
