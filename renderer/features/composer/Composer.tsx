import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { defaultSettings } from '../../../shared/domain/settings';
import { checkReply } from '../../../shared/reply/check';
import { defaultReplyLanguage } from '../../../shared/reply/language';
import { applySuggestion, blocksSending, type LintFinding, type ReplyLanguage } from '../../../shared/reply/lint';
import { firstName, moodOf, suggestPhrases, type Suggestion } from '../../../shared/reply/phrases';
import { checklistRequired, needsCoolDown, stepsFor } from '../../../shared/reply/steps';
import { pickVariant, renderTemplate, type ReplyTemplate } from '../../../shared/reply/templates';
import { likedTopic } from '../../../shared/reply/topic';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { toKalmError } from '../../transport/errors';
import { SaveStatusLine } from '../reply/SaveStatusLine';
import { useDraft } from '../reply/useDraft';
import { useSourceOf } from '../reply/useSourceOf';
import { useSettings } from '../settings/useSettings';
import { OtherDrafts } from '../team/OtherDrafts';
import { useAnnouncePresence } from '../team/presence';
import { CalmPanel } from './CalmPanel';
import { Checklist, CHECKLIST, type ChecklistItem } from './Checklist';
import { DiscardButton } from './DiscardButton';
import { insertPhrase } from './insert';
import { LintEditor } from './LintEditor';
import { LintList } from './LintList';
import { ReplyLanguageSwitch } from './ReplyLanguageSwitch';
import { ReplyPreview } from './ReplyPreview';
import { SizeMeter } from './SizeMeter';
import { TemplatePicker } from './TemplatePicker';
import { StepNav } from './StepNav';
import { Suggestions } from './Suggestions';
import { useCoolDown } from './useCoolDown';
import { useRecentPhrases } from './useRecentPhrases';

interface ComposerProps {
  review: Review;
  locationName: string | null;
  /** Shown name of the reviewer (or "Anonymous"). */
  author: string;
  onQueued: () => void;
}

/**
 * The calm composer: guided steps (stay calm → thank → empathise → own → offer → sign, or the short
 * flow for praise), phrase suggestions at the cursor, the live calm check, the size limit, the
 * one-minute checklist and a preview; then the reply goes to the outbox.
 */
export function Composer({ review, locationName, author, onQueued }: ComposerProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const ids = useId();
  const editor = useRef<HTMLTextAreaElement>(null);
  const draft = useDraft(review.id);
  useAnnouncePresence(review.id);
  // The source's kind decides the reply limit (Google bytes, Play characters, none documented for imports).
  const source = useSourceOf(review.source);
  const settings = useSettings().settings ?? defaultSettings();
  const { recent, remember } = useRecentPhrases();
  const [lang, setLang] = useState<ReplyLanguage>(() => defaultReplyLanguage(review, i18n.language));
  const steps = useMemo(() => stepsFor(review.rating), [review.rating]);
  const [stepIndex, setStepIndex] = useState(0);
  const step = steps[stepIndex] ?? 'check';
  const [ticked, setTicked] = useState<ReadonlySet<ChecklistItem>>(new Set());
  const [queueing, setQueueing] = useState(false);
  const [queueError, setQueueError] = useState<KalmError | null>(null);

  // The pause applies to 1–2★ with the setting on, unless the owner already started a draft.
  const paused = settings.coolDown.enabled && needsCoolDown(review.rating);
  const remaining = useCoolDown(paused, settings.coolDown.seconds);
  const locked = !draft.loaded || (remaining > 0 && draft.text.trim() === '');

  const formality = settings.formality;
  const business = settings.businessName.trim();
  const signature = [settings.signer.trim() || (business ? t('composer.signatureFallbackBusiness', { business, lng: lang }) : t('composer.signatureFallback', { lng: lang })), settings.signature.trim()]
    .filter((s) => s !== '')
    .join('\n');
  const vars = {
    name: firstName(review.author, review.anonymous),
    business,
    location: locationName ?? '',
    contact: settings.contact.trim(),
    signature,
    topic: likedTopic(review.text, lang),
  };
  const mood = moodOf(review.rating);
  const suggestions: Suggestion[] =
    step === 'calm' || step === 'check' ? [] : suggestPhrases(step, { lang, formality, mood, vars, recent });

  const check = useMemo(
    () =>
      checkReply(draft.text, source ?? review.source, {
        lang,
        formality: lang === 'nl' ? formality : null,
        casual: settings.emojiAllowed,
        reviewText: review.text,
        rating: review.rating,
        allowedContacts: settings.contact.trim() ? [settings.contact.trim()] : [],
        signature,
        reviewerName: vars.name ?? '',
      }),
    [draft.text, source, review.source, review.text, review.rating, lang, formality, settings.emojiAllowed, settings.contact, signature, vars.name],
  );
  const empty = draft.text.trim() === '';
  const blocked = blocksSending(check.findings);
  const required = checklistRequired(review.rating);
  const checklistDone = !required || CHECKLIST.every((c) => ticked.has(c));
  const canQueue = !empty && !blocked && checklistDone && !queueing && !locked;

  const goTo = (index: number) => setStepIndex(Math.max(0, Math.min(steps.length - 1, index)));
  const focusEditorAt = (cursor: number) =>
    requestAnimationFrame(() => {
      const box = editor.current;
      if (!box) return;
      box.focus();
      box.setSelectionRange(cursor, cursor);
    });

  const insert = (s: Suggestion) => {
    if (locked) return;
    const box = editor.current;
    const at = box ? [box.selectionStart, box.selectionEnd] : [draft.text.length, draft.text.length];
    const { text, cursor } = insertPhrase(draft.text, at[0] ?? 0, at[1] ?? 0, s.text, step);
    draft.setText(text);
    remember(s.id);
    // The step stays: Alt+→ (or Next) moves on, so Alt+1 then Alt+→ never skips a step.
    focusEditorAt(cursor);
  };

  const applyTemplate = (template: ReplyTemplate) => {
    if (locked) return;
    const { index, useId: usedId } = pickVariant(template, recent);
    const rendered = renderTemplate(template.variants[index] ?? '', vars);
    const box = editor.current;
    const at = box && draft.text !== '' ? [box.selectionStart, box.selectionEnd] : [0, draft.text.length];
    const { text, cursor } = insertPhrase(draft.text, at[0] ?? 0, at[1] ?? 0, rendered, 'close');
    draft.setText(text);
    remember(usedId);
    focusEditorAt(cursor);
  };

  const queue = () => {
    if (!canQueue) return;
    draft.cancelPending();
    setQueueing(true);
    setQueueError(null);
    api.call('outbox.send', { reviewId: review.id, text: draft.text }).then(
      () => onQueued(),
      (err: unknown) => {
        setQueueing(false);
        setQueueError(toKalmError(err));
      },
    );
  };

  const toCheck = () => {
    goTo(steps.length - 1);
    requestAnimationFrame(() => document.getElementById(`${ids}-check`)?.querySelector('input')?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (step === 'check' && checklistDone) queue();
      else toCheck();
    } else if (event.altKey && digitOf(event) !== null) {
      const s = suggestions[(digitOf(event) ?? 0) - 1];
      if (s) {
        event.preventDefault();
        insert(s);
      }
    } else if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      goTo(stepIndex + (event.key === 'ArrowRight' ? 1 : -1));
    }
  };

  const show = (f: LintFinding) => {
    const box = editor.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(f.start, f.end);
  };

  /** One click puts the calm rewrite in place of the marked text; the cursor goes to its end. */
  const applyRewrite = (f: LintFinding, suggestion: string) => {
    if (locked) return;
    draft.setText(applySuggestion(draft.text, f, suggestion));
    focusEditorAt(f.start + suggestion.length);
  };

  return (
    <section className="composer" onKeyDown={onKeyDown}>
      <div className="composer__head">
        <label id={`${ids}-label`} htmlFor={`${ids}-text`} className="composer__title">
          {t('reply.label')}
        </label>
        <ReplyLanguageSwitch value={lang} onChange={setLang} />
      </div>
      <OtherDrafts reviewId={review.id} mine={draft.text} onUse={draft.setText} />
      <StepNav steps={steps} current={stepIndex} onSelect={goTo} />
      <div className="composer__step">
        <p className="composer__help">{t(step === 'thank' && mood === 'praise' ? 'composer.stepHelp.thankPraise' : `composer.stepHelp.${step}`)}</p>
        {step === 'calm' && <CalmPanel remaining={remaining} total={settings.coolDown.seconds} paused={paused} />}
        {step !== 'calm' && step !== 'check' && <Suggestions suggestions={suggestions} disabled={locked} onInsert={insert} />}
        {step === 'offer' && vars.contact === '' && <p className="composer__muted">{t('composer.noContact')}</p>}
        {step === 'check' && (
          <div id={`${ids}-check`} className="composer__check">
            <Checklist ticked={ticked} required={required} onToggle={(item) => setTicked((s) => toggled(s, item))} />
            <ReplyPreview review={review} author={author} business={business} text={draft.text} />
          </div>
        )}
      </div>
      <LintEditor
        ref={editor}
        id={`${ids}-text`}
        text={draft.text}
        findings={check.findings}
        disabled={locked}
        over={check.limit !== null && check.size > check.limit}
        describedBy={`${ids}-size ${ids}-lint ${ids}-keys`}
        onChange={draft.setText}
        onBlur={draft.flush}
        onKeyDown={() => undefined}
      />
      <div className="composer__meta">
        <SizeMeter id={`${ids}-size`} size={check.size} limit={check.limit} unit={check.unit} />
        <SaveStatusLine status={draft.status} />
      </div>
      <LintList id={`${ids}-lint`} text={draft.text} findings={check.findings} onShow={show} onApply={applyRewrite} disabled={locked} />
      {draft.saveError && <ErrorState compact error={draft.saveError} onRetry={() => draft.restore(draft.text)} />}
      {queueError && <ErrorState compact error={queueError} onRetry={queue} />}
      <div className="composer__actions">
        {step === 'check' ? (
          <button type="button" className="btn btn--primary" disabled={!canQueue} onClick={queue}>
            {queueing ? t('reply.queueing') : t('reply.queue')}
          </button>
        ) : (
          <button type="button" className="btn btn--primary" onClick={() => goTo(stepIndex + 1)}>
            {stepIndex === steps.length - 2 ? t('composer.toCheck') : t('composer.next')}
          </button>
        )}
        {stepIndex > 0 && (
          <button type="button" className="btn btn--secondary" onClick={() => goTo(stepIndex - 1)}>
            {t('composer.back')}
          </button>
        )}
        <DiscardButton reviewId={review.id} draft={draft} disabled={queueing} />
        <TemplatePicker lang={lang} band={mood} text={draft.text} disabled={locked} onUse={applyTemplate} />
      </div>
      {step === 'check' && blocked && <p className="composer__blocked">{t('composer.calmCheck.blocked')}</p>}
      <p id={`${ids}-keys`} className="composer__muted composer__keys">
        {t('composer.keys')}
      </p>
    </section>
  );
}

/** The digit of Alt+1…9 by key position (on a Mac, Alt+1 types "¡"), else by the key's character. */
const digitOf = (event: KeyboardEvent<HTMLElement>): number | null => {
  const d = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
  return d === null ? null : Number(d);
};

const toggled = <T,>(set: ReadonlySet<T>, item: T): ReadonlySet<T> => {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
};
