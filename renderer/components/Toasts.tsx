import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffOutbox, seenOf, type OutboxEvent } from '../../shared/outbox/outbox-events';
import { useApi } from '../api-context';
import { useRetryWhenOnline } from '../features/outbox/useRetryWhenOnline';
import './Toasts.css';

/** How long a notification stays (failures and conflicts stay until dismissed). */
export const TOAST_MS = 7000;
const MAX_SHOWN = 4;
/** Problems stay until the owner closes them or deals with them. */
const STICKY: ReadonlySet<OutboxEvent['kind']> = new Set(['failed', 'conflict']);

interface Toast {
  key: number;
  event: OutboxEvent;
  /** The demo workspace: nothing is really sent anywhere. */
  demo: boolean;
  /** The site the owner posts this reply on by hand (copy-and-open), when Kalm does not send it. */
  postOn?: string;
}

/**
 * Short notifications about the outbox (queued, sent, waiting, failed, conflict), read out by screen
 * readers through a polite live region. Driven by `outbox.changed` and the difference between two
 * `outbox.list` results, so it works whichever screen (or window, or the CLI) changed the outbox.
 */
export function Toasts() {
  const { t } = useTranslation();
  const api = useApi();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);
  // Mounted once for the whole app, like these notifications.
  useRetryWhenOnline();

  useEffect(() => {
    let live = true;
    let seen: ReturnType<typeof seenOf> | null = null;
    let inFlight = false;
    let again = false;
    const look = () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      api.call('outbox.list', {}).then(
        ({ items }) => {
          inFlight = false;
          if (!live) return;
          // The first look only learns what is there: nothing is announced for old items.
          const events = seen === null ? [] : diffOutbox(seen, items);
          seen = seenOf(items);
          // A failure or conflict that was dealt with (retried, resolved, edited) is no longer news.
          const now = new Map(items.map((i) => [i.id, i]));
          const stillTrue = ({ event }: Toast) => {
            const item = now.get(event.id);
            if (event.kind === 'waiting') return item?.state === 'queued' && item.lastError !== null;
            return !STICKY.has(event.kind) || item?.state === event.kind;
          };
          const add = (demo: boolean) => {
            if (!live) return;
            setToasts((old) => {
              const kept = old.filter(stillTrue);
              if (events.length === 0 && kept.length === old.length) return old;
              return [...kept, ...events.map((event) => {
                const postOn = event.kind === 'queued' ? now.get(event.id)?.copyAndOpen?.sourceName : undefined;
                return { key: ++seq.current, event, demo, ...(postOn === undefined ? {} : { postOn }) };
              })].slice(-MAX_SHOWN);
            });
          };
          if (events.some((e) => e.kind === 'sent' || e.kind === 'removed')) {
            api.call('workspace.get', {}).then((w) => add(w.demo), () => add(false));
          } else {
            add(false);
          }
          if (again) {
            again = false;
            look();
          }
        },
        () => {
          inFlight = false;
        },
      );
    };
    look();
    const off = api.on('outbox.changed', look);
    return () => {
      live = false;
      off();
    };
  }, [api]);

  // Quiet news goes away by itself; problems stay until the owner closes them.
  useEffect(() => {
    const first = toasts.find((x) => !STICKY.has(x.event.kind));
    if (!first) return undefined;
    const timer = setTimeout(() => setToasts((old) => old.filter((x) => x.key !== first.key)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);

  const dismiss = (key: number) => setToasts((old) => old.filter((x) => x.key !== key));
  const text = (e: OutboxEvent, demo: boolean, postOn?: string) => {
    if (postOn !== undefined) return t('outbox.manual.toast', { source: postOn });
    if ('reason' in e) return t(`toast.${e.kind}`, { reason: e.reason });
    return demo && (e.kind === 'sent' || e.kind === 'removed') ? t(`toast.${e.kind}Demo`) : t(`toast.${e.kind}`);
  };

  return (
    <div className="toasts" role="log" aria-live="polite" aria-label={t('toast.region')}>
      {toasts.map(({ key, event, demo, postOn }) => (
        <div key={key} className={`toast toast--${event.kind}`} data-toast={event.kind}>
          <p className="toast__text">{text(event, demo, postOn)}</p>
          <button type="button" className="btn btn--ghost toast__close" aria-label={t('toast.dismiss')} onClick={() => dismiss(key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
