import { useMemo } from 'react';
import { highlightParts } from './highlight';

/** Text with the search matches in <mark>; every part is a React text node (review text is untrusted). */
export function Highlight({ text, query }: { text: string; query: string }) {
  const parts = useMemo(() => highlightParts(text, query), [text, query]);
  if (parts.length === 1 && parts[0]?.match !== true) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
