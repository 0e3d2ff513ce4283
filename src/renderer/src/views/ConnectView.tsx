// Shown when a view has no token (or a refused one): paste the token the station printed.
import { useState } from 'react';

export function ConnectView(props: { reason: string | null; onToken(token: string): void }) {
  const [token, setToken] = useState('');
  return (
    <main className="connect-view">
      <h1>Baton</h1>
      <p>
        {props.reason ??
          'This view needs a token. The station prints one per role when it starts (producer, host, moderator); open the link it prints, or paste the token here.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) props.onToken(token.trim());
        }}
      >
        <label>
          Token <input value={token} onChange={(e) => setToken(e.target.value)} autoFocus data-testid="token-input" size={40} />
        </label>
        <button className="btn btn-primary" type="submit">
          Connect
        </button>
      </form>
    </main>
  );
}
