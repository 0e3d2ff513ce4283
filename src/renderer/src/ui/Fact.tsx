// One figure on a role page: a small label, the value (a number, a word, or a badge), and an
// optional line of detail such as its denominator. Lives in a `.observer-facts` row.
import { isValidElement, type ReactNode } from 'react';

export function Fact(props: { label: string; value: ReactNode; detail?: ReactNode; numeric?: boolean; testId?: string }) {
  const num = props.numeric ? 'num' : undefined;
  return (
    <div className="observer-fact" data-testid={props.testId}>
      <span className="muted small">{props.label}</span>
      {isValidElement(props.value) ? props.value : <strong className={num}>{props.value}</strong>}
      {props.detail !== undefined ? <span className={props.numeric ? 'small num' : 'small'}>{props.detail}</span> : null}
    </div>
  );
}
