import { useState, type FormEvent } from 'react';
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
          In web mode the server reads passwords from its environment
          {definition?.passwordEnv ? (
            <>
              {' '}
              variable <code>{definition.passwordEnv}</code>
            </>
          ) : (
            ' (the variable the connection’s passwordEnv names)'
          )}
          , set before it starts.
        </p>
      )}
      <div className="password-row">
        <label htmlFor={inputId}>Password{definition?.username ? ` for ${definition.username}` : ''}</label>
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
          Save and reconnect
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {refusal && (
        <p className="connections-note" role="status" data-testid="password-refusal">
          The password was not kept: {refusal}
        </p>
      )}
    </form>
  );
}
