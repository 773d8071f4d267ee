import type { Label } from '../../../shared/domain/label';

/** A label as a small coloured chip; `onRemove` adds a remove button. */
export function LabelChip({ label, onRemove, removeLabel }: { label: Pick<Label, 'name' | 'color'>; onRemove?: () => void; removeLabel?: string }) {
  return (
    <span className="label-chip" style={{ borderColor: label.color }}>
      <span className="label-chip__dot" style={{ background: label.color }} aria-hidden="true" />
      {label.name}
      {onRemove && (
        <button type="button" className="label-chip__remove" aria-label={removeLabel} title={removeLabel} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
