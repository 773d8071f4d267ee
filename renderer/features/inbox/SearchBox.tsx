import { memo, useEffect, useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** Free-text search; tells its value after a short pause in typing (Escape clears it). */
export const SearchBox = memo(function SearchBox({ value, onSearch, inputRef }: { value: string; onSearch: (q: string) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const [prop, setProp] = useState(value);
  // The address changed from outside (back, "clear filters"): show that.
  if (value !== prop) {
    setProp(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return undefined;
    const timer = setTimeout(() => onSearch(text), 150);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <div className="search" role="search">
      <label htmlFor={id} className="sr-only">
        {t('inbox.search.label')}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="input search__input"
        placeholder={t('inbox.search.placeholder')}
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (text !== '') {
              e.preventDefault();
              setText('');
              onSearch('');
            } else e.currentTarget.blur();
          } else if (e.key === 'Enter') {
            e.preventDefault();
            onSearch(text);
          }
        }}
      />
    </div>
  );
});
