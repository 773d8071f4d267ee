import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';
import { RemoveTarget } from '../removal/RemoveTarget';

/** The sources made by importing files, each (and each of its locations) removable with a counted confirmation. */
export function ImportedSources() {
  const { t } = useTranslation();
  const workspace = useCall('workspace.get', {}, 'reviews.changed');
  const imported = (workspace.data?.sources ?? []).filter((s) => s.kind === 'file-import');
  if (imported.length === 0) return null;
  return (
    <ul className="imported-sources" aria-label={t('removal.imported')}>
      {imported.map((s) => {
        const locations = (workspace.data?.locations ?? []).filter((l) => l.source === s.id);
        return (
          <li key={s.id}>
            <strong>{s.name}</strong> <RemoveTarget target={{ kind: 'source', sourceId: s.id }} name={s.name} />
            {locations.length > 1 && (
              <ul>
                {locations.map((l) => (
                  <li key={l.id}>{l.name} <RemoveTarget target={{ kind: 'location', sourceId: s.id, locationId: l.id }} name={l.name} /></li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
