import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoRemoval } from '../demo/DemoRemoval';
import { ImportedSources } from './ImportedSources';
import type { ImportProgressEvent } from '../../../shared/contract';
import type { KalmError } from '../../../shared/domain/errors';
import type { ImportOptions, ImportReport, PresetName } from '../../../shared/import/options';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { toKalmError } from '../../transport/errors';
import { ImportMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';
import { ImportProgressBar } from './ImportProgressBar';
import { uploadFile } from './upload';

type Step =
  | { at: 'choose' }
  | { at: 'uploading'; name: string; progress: number }
  | { at: 'mapping'; name: string; uploadId: string; report: ImportReport | null }
  | { at: 'done'; report: ImportReport };

/** A preset suggested by the file name ("trustpilot-export.csv"); the owner can change it. */
const presetFromName = (name: string): PresetName | undefined =>
  (['trustpilot', 'tripadvisor', 'facebook', 'kiyoh'] as const).find((p) => name.toLowerCase().includes(p)) ??
  (name.toLowerCase().includes('klantenvertellen') ? 'kiyoh' : undefined);

/** Sources → "Import reviews from a file": choose a file, map its columns with a preview, import. */
export function ImportPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [options, setOptions] = useState<ImportOptions>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);
  const [progress, setProgress] = useState<ImportProgressEvent | null>(null);
  const latest = useRef(0);

  const preview = async (uploadId: string, name: string, next: ImportOptions) => {
    const ticket = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const report = await api.call('import.preview', { uploadId, options: next });
      if (ticket === latest.current) setStep({ at: 'mapping', name, uploadId, report });
    } catch (err) {
      if (ticket === latest.current) setError(toKalmError(err));
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const first: ImportOptions = presetFromName(file.name) ? { preset: presetFromName(file.name) } : {};
    setOptions(first);
    setStep({ at: 'uploading', name: file.name, progress: 0 });
    try {
      const uploadId = await uploadFile(api, file, (progress) => setStep({ at: 'uploading', name: file.name, progress }));
      setStep({ at: 'mapping', name: file.name, uploadId, report: null });
      await preview(uploadId, file.name, first);
    } catch (err) {
      setStep({ at: 'choose' });
      setError(toKalmError(err));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const change = (next: ImportOptions) => {
    if (step.at !== 'mapping') return;
    setOptions(next);
    void preview(step.uploadId, step.name, next);
  };

  const commit = async () => {
    if (step.at !== 'mapping') return;
    const { uploadId } = step;
    setBusy(true);
    setError(null);
    setProgress(null);
    const stop = api.on('import.progress', (p) => {
      if (p.uploadId === uploadId) setProgress(p);
    });
    try {
      setStep({ at: 'done', report: await api.call('import.commit', { uploadId, options }) });
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      stop();
      setProgress(null);
      setBusy(false);
    }
  };

  const cancel = () => {
    if (step.at === 'mapping') void api.call('import.discard', { uploadId: step.uploadId }).catch(() => undefined);
    setStep({ at: 'choose' });
    setError(null);
  };

  return (
    <section className="card source import" aria-labelledby={`${ids}-title`}>
      <div className="source__head">
        <h2 id={`${ids}-title`} className="source__title">{t('sources.import.title')}</h2>
      </div>
      <p className="source__body">{t('sources.import.explain')}</p>
      {(step.at === 'choose' || step.at === 'done') && (
        <div className="source__actions">
          <label className="btn btn--primary import__choose">
            {t('sources.import.choose')}
            <input ref={input} type="file" className="sr-only" accept=".csv,.tsv,.txt,.json,.jsonl,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void choose(e.target.files?.[0])} />
          </label>
        </div>
      )}
      {step.at === 'done' && (
        <p className="source__result" role="status">
          {t('sources.import.done', { count: step.report.valid, added: step.report.added ?? 0, updated: step.report.updated ?? 0, source: step.report.sourceName })}
          {step.report.errorCount > 0 && ` ${t('sources.import.doneSkipped', { count: step.report.errorCount })}`}
        </p>
      )}
      {step.at === 'done' && <DemoRemoval mode="ask" />}
      <ImportedSources />
      {step.at === 'uploading' && (
        <p role="status">{t('sources.import.uploading', { name: step.name, percent: Math.round(step.progress * 100) })}</p>
      )}
      {step.at === 'mapping' && (
        <>
          <p className="import__file">{t('sources.import.file', { name: step.name })}</p>
          {step.report && <ImportMapping report={step.report} options={options} disabled={busy} onChange={change} />}
          {busy && progress && <ImportProgressBar progress={progress} />}
          {busy && !progress && <p className="muted" role="status">{t('sources.import.reading')}</p>}
          {step.report && <ImportPreview report={step.report} />}
          <div className="source__actions">
            <button type="button" className="btn btn--primary" disabled={busy || !step.report || step.report.valid === 0} onClick={() => void commit()}>
              {t('sources.import.run', { count: step.report?.valid ?? 0 })}
            </button>
            <button type="button" className="btn btn--secondary" onClick={cancel}>{t('sources.import.cancel')}</button>
          </div>
        </>
      )}
      {error && <ErrorState error={error} onRetry={() => setError(null)} compact />}
    </section>
  );
}
