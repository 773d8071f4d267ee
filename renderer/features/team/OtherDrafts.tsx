import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OtherDraft } from '../../../shared/team/team-docs';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import type { KalmError } from '../../../shared/domain/errors';

interface OtherDraftsProps {
  reviewId: string;
  /** This member's draft as it is in the composer now. */
  mine: string;
  /** Puts the chosen (or merged) text in the composer. */
  onUse: (text: string) => void;
}

/** The joined text of both versions, this member's first, each kept whole. */
export const mergedDraft = (mine: string, theirs: string): string => [mine.trim(), theirs.trim()].filter((s) => s !== '').join('\n\n');

/**
 * "<member> also drafted a reply": when two people drafted the same review (offline at times), both versions side by
 * side; the member keeps hers, takes the other or merges both, and the other versions are settled for the team.
 */
export function OtherDrafts({ reviewId, mine, onUse }: OtherDraftsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const others = useCall('team.otherDrafts', { reviewId }, 'drafts.changed');
  const [error, setError] = useState<KalmError | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = (others.data?.others ?? []).filter((o) => o.text.trim() !== '' && o.text !== mine);
  if (list.length === 0) return null;

  const choose = (text: string) => {
    setBusy(true);
    setError(null);
    setChosen(text);
    onUse(text);
    api.call('team.settleOtherDrafts', { reviewId }).then(
      () => {
        setBusy(false);
        others.reload();
      },
      (err: unknown) => {
        setBusy(false);
        setError(toKalmError(err));
      },
    );
  };

  return (
    <section className="other-drafts" data-testid="other-drafts" aria-label={t('team.otherDrafts.title')}>
      {list.map((o: OtherDraft) => (
        <div key={o.by} className="other-drafts__pair">
          <p className="other-drafts__title" role="status">{t('team.otherDraft', { member: o.by })}</p>
          <div className="other-drafts__columns">
            <figure className="other-drafts__version">
              <figcaption>{t('team.otherDrafts.mine')}</figcaption>
              <p className="other-drafts__text">{mine.trim() === '' ? t('team.otherDrafts.empty') : mine}</p>
            </figure>
            <figure className="other-drafts__version">
              <figcaption>{t('team.otherDrafts.theirs', { member: o.by })}</figcaption>
              <p className="other-drafts__text">{o.text}</p>
            </figure>
          </div>
          <div className="other-drafts__actions">
            <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => choose(mine)}>{t('team.otherDrafts.keepMine')}</button>
            <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => choose(o.text)}>{t('team.otherDrafts.useTheirs', { member: o.by })}</button>
            <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => choose(mergedDraft(mine, o.text))}>{t('team.otherDrafts.merge')}</button>
          </div>
        </div>
      ))}
      {error && <ErrorState compact error={error} onRetry={() => choose(chosen ?? mine)} />}
    </section>
  );
}
