import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Notice } from '../../components/Notice';

interface StepDoneProps {
  title: string;
  children: ReactNode;
}

/** The end of a step taken by choice (see useOptionalStep): that it is done, and the way home. */
export function StepDone({ title, children }: StepDoneProps) {
  return (
    <>
      <Notice kind="success" title={title}>
        {children}
      </Notice>
      <p>
        <Link to="/">ホームへ戻る</Link>
      </p>
    </>
  );
}
