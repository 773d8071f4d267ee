import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffOutbox, seenOf, type OutboxEvent } from '../../shared/outbox/outbox-events';
import { nextExpiry, stackToasts, unexpired } from '../../shared/outbox/toast-stack';
import { useApi } from '../api-context';
import { useRetryWhenOnline } from '../features/outbox/useRetryWhenOnline';
import { waitingReason } from '../features/outbox/waitingReason';
import './Toasts.css';

/** Problems stay until the owner closes them or deals with them. */
const STICKY: ReadonlySet<OutboxEvent['kind']> = new Set(['failed', 'conflict']);

interface Toast {
  key: number;
  /** A failure or conflict: stays until dismissed or dealt with. */
  sticky: boolean;
  /** When it arrived (ms). */
  at: number;
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
              const at = Date.now();
              const added = events.map((event): Toast => {
                const postOn = event.kind === 'queued' ? now.get(event.id)?.copyAndOpen?.sourceName : undefined;
                return { key: ++seq.current, sticky: STICKY.has(event.kind), at, event, demo, ...(postOn === undefined ? {} : { postOn }) };
              });
              return stackToasts(kept, added);
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

  // Quiet news goes away by itself, each a few seconds after it came; problems stay until the owner closes them.
  useEffect(() => {
    const wait = nextExpiry(toasts, Date.now());
    if (wait === null) return undefined;
    const timer = setTimeout(() => setToasts((old) => unexpired(old, Date.now())), wait + 10);
    return () => clearTimeout(timer);
  }, [toasts]);

  const dismiss = (key: number) => setToasts((old) => old.filter((x) => x.key !== key));
  const text = (e: OutboxEvent, demo: boolean, postOn?: string) => {
    if (postOn !== undefined) return t('outbox.manual.toast', { source: postOn });
    if ('reason' in e) return t(`toast.${e.kind}`, { reason: waitingReason(t, e.reason, e.waitingFor) });
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
