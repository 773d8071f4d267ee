import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './useDraft';

/** The quiet autosave line under the editor: nothing, "Saving…", "Saved" or "Not saved". */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <span role="status" className={`editor__status${status === 'error' ? ' editor__status--error' : ''}`}>
      {status === 'idle' ? '' : t(`reply.status.${status}`)}
    </span>
  );
}
