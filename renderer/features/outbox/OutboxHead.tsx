import type { ReactNode } from 'react';

interface OutboxHeadProps {
  /** The heading's id (the section is labelled by it). */
  id: string;
  /** h1 on the Outbox page; h2 in the panel that edits one reply. */
  level: 1 | 2;
  title: string;
  /** The head's one action (Publish, Back to the outbox). */
  children: ReactNode;
}

/** The Outbox's head: its title and one action beside it, on the page and in the edit panel alike. */
export function OutboxHead({ id, level, title, children }: OutboxHeadProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <header className="outbox__head">
      <Heading id={id} className="outbox__title">
        {title}
      </Heading>
      {children}
    </header>
  );
}
