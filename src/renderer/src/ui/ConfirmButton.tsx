// A two-step button for actions that must not happen by accident (start/stop stream, resume an
// offer): the first click arms it for a few seconds, the second click does it.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';

export function ConfirmButton(props: {
  onConfirm: () => void;
  children: ReactNode;
  confirmLabel: ReactNode;
  variant?: ButtonVariant;
  size?: 'md' | 'lg';
  disabled?: boolean;
  testId?: string;
  title?: string;
}) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  return (
    <Button
      variant={armed ? 'danger' : (props.variant ?? 'default')}
      size={props.size ?? 'md'}
      disabled={props.disabled}
      data-testid={props.testId}
      title={props.title}
      onClick={() => {
        if (armed) {
          setArmed(false);
          props.onConfirm();
        } else setArmed(true);
      }}
    >
      {armed ? props.confirmLabel : props.children}
    </Button>
  );
}
