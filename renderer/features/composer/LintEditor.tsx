import { forwardRef, useMemo, useRef, type KeyboardEvent } from 'react';
import type { LintFinding } from '../../../shared/reply/lint';
import { segmentsOf } from './highlight';

interface LintEditorProps {
  id: string;
  text: string;
  findings: readonly LintFinding[];
  disabled: boolean;
  over: boolean;
  describedBy: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/**
 * The reply textarea with the calm check's ranges highlighted in a backdrop behind it. The backdrop
 * holds the same text as plain spans (React text, never HTML), so the marks line up with the words.
 */
export const LintEditor = forwardRef<HTMLTextAreaElement, LintEditorProps>(function LintEditor(
  { id, text, findings, disabled, over, describedBy, onChange, onBlur, onKeyDown },
  ref,
) {
  const backdrop = useRef<HTMLDivElement>(null);
  // Greeting and sign-off are about the reply as a whole: listed below, not marked in the text.
  const segments = useMemo(() => segmentsOf(text, findings.filter((f) => f.rule !== 'greeting' && f.rule !== 'sign-off')), [text, findings]);
  return (
    <div className="lint-editor">
      <div ref={backdrop} className="lint-editor__backdrop" aria-hidden="true">
        {segments.map((s, i) =>
          s.severity === null ? (
            <span key={i}>{s.text}</span>
          ) : (
            <mark key={i} className={`lint-mark lint-mark--${s.severity}`} data-rule={s.rule ?? undefined}>
              {s.text}
            </mark>
          ),
        )}
        {/* A last line break needs a character after it to take up room. */}
        {'\u200b'}
      </div>
      <textarea
        ref={ref}
        id={id}
        className={`lint-editor__text${over ? ' lint-editor__text--over' : ''}`}
        value={text}
        rows={8}
        disabled={disabled}
        spellCheck
        aria-describedby={describedBy}
        aria-invalid={over}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
});
