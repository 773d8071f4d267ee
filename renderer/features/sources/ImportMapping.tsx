import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportField, PresetName, type ImportOptions, type ImportReport } from '../../../shared/import/options';

interface ImportMappingProps {
  report: ImportReport;
  options: ImportOptions;
  disabled: boolean;
  onChange: (next: ImportOptions) => void;
}

const FIELDS = ImportField.options;

/** The mapping screen's controls: preset, source name, rating scale, date order, and a column for each field. */
export function ImportMapping({ report, options, disabled, onChange }: ImportMappingProps) {
  const { t } = useTranslation();
  const ids = useId();
  const set = (patch: Partial<ImportOptions>) => onChange({ ...options, ...patch });
  const setColumn = (field: ImportField, column: string) => set({ mapping: { ...report.mapping, ...options.mapping, [field]: column } });

  return (
    <div className="import-map">
      <div className="import-map__row">
        <label htmlFor={`${ids}-preset`}>{t('sources.import.preset')}</label>
        <select id={`${ids}-preset`} value={options.preset ?? ''} disabled={disabled}
          onChange={(e) => {
            const { preset: _old, mapping: _m, scale: _s, ...rest } = options;
            onChange(e.target.value === '' ? rest : { ...rest, preset: PresetName.parse(e.target.value) });
          }}>
          <option value="">{t('sources.import.presetNone')}</option>
          {PresetName.options.map((p) => <option key={p} value={p}>{t(`sources.import.presets.${p}`)}</option>)}
        </select>
        <label htmlFor={`${ids}-name`}>{t('sources.import.sourceName')}</label>
        <input id={`${ids}-name`} className="client-form__input" value={options.sourceName ?? report.sourceName} disabled={disabled} maxLength={60}
          onChange={(e) => set({ sourceName: e.target.value })} />
        <label htmlFor={`${ids}-scale`}>{t('sources.import.scale')}</label>
        <select id={`${ids}-scale`} value={report.scale} disabled={disabled} onChange={(e) => set({ scale: e.target.value as ImportReport['scale'] })}>
          <option value="stars-5">{t('sources.import.scales.stars-5')}</option>
          <option value="score-10">{t('sources.import.scales.score-10')}</option>
          <option value="recommend">{t('sources.import.scales.recommend')}</option>
        </select>
        <label htmlFor={`${ids}-dates`}>{t('sources.import.dateOrder')}</label>
        <select id={`${ids}-dates`} value={report.dateOrder} disabled={disabled} onChange={(e) => set({ dateOrder: e.target.value as 'dmy' | 'mdy' })}>
          <option value="dmy">{t('sources.import.dmy')}</option>
          <option value="mdy">{t('sources.import.mdy')}</option>
        </select>
      </div>
      <fieldset className="import-map__columns" disabled={disabled}>
        <legend>{t('sources.import.columns')}</legend>
        {FIELDS.map((field) => (
          <div key={field} className="import-map__field">
            <label htmlFor={`${ids}-${field}`}>
              {t(`sources.import.fields.${field}`)}
              {(field === 'date' || field === 'rating') && <span aria-hidden="true"> *</span>}
            </label>
            <select id={`${ids}-${field}`} value={report.mapping[field] ?? ''} onChange={(e) => setColumn(field, e.target.value)}>
              <option value="">{t('sources.import.noColumn')}</option>
              {report.columns.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
