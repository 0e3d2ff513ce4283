// A secret typed once and handed to the station (store credentials, source tokens): a password
// field cleared when the station has stored it; the value is never read back or shown.
import { useState, type ReactNode } from 'react';
import { Button } from './Button';

export function SecretForm(props: { summary: ReactNode; label: string; submit: string; className?: string; testId?: string; onStore(value: string): Promise<unknown> }) {
  const [value, setValue] = useState('');
  return (
    <details className={props.className} data-testid={props.testId}>
      <summary>{props.summary}</summary>
      <form
        className="offer-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!value) return;
          void props.onStore(value).then((stored) => {
            if (stored) setValue('');
          });
        }}
      >
        <input type="password" aria-label={props.label} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
        <Button type="submit" disabled={!value}>
          {props.submit}
        </Button>
      </form>
    </details>
  );
}
