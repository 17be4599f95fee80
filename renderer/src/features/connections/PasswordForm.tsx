import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConnectionDefinition } from '../../../../core/asset/sources-schema';
import { setConnectionPassword } from '../../state/connection-actions';

interface Props {
  connectionId: string;
  definition: ConnectionDefinition | null;
  host: 'electron' | 'web';
  onDone: () => void;
}

/** Asks for a connection's password; the desktop app keeps it in the OS keychain, web mode says where it goes. */
export function PasswordForm({ connectionId, definition, host, onDone }: Props) {
  const { t } = useTranslation('connections');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inputId = `password-${connectionId}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setRefusal(null);
    void setConnectionPassword(connectionId, password).then((answer) => {
      setBusy(false);
      if (answer.ok) onDone();
      else setRefusal(answer.error);
    });
  };

  return (
    <form className="password-form" onSubmit={submit} data-testid="password-form">
      {host === 'web' && (
        <p className="connections-note">
          {definition?.passwordEnv ? (
            <Trans
              t={t}
              i18nKey="password.webEnv"
              values={{ variable: definition.passwordEnv }}
              components={[<code key="variable" />]}
            />
          ) : (
            t('password.webEnvUnnamed', { field: 'passwordEnv' })
          )}
        </p>
      )}
      <div className="password-row">
        <label htmlFor={inputId}>
          {definition?.username ? t('password.labelFor', { user: definition.username }) : t('password.label')}
        </label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          value={password}
          data-testid="password-input"
          onChange={(e) => setPassword(e.target.value)}
        />
        <button
          type="submit"
          className="primary"
          disabled={!password || busy}
          data-testid="btn-password-save"
        >
          {t('password.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
      {refusal && (
        <p className="connections-note" role="status" data-testid="password-refusal">
          {t('password.notKept', { reason: refusal })}
        </p>
      )}
    </form>
  );
}
