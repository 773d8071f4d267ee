import type { Source } from '../../../shared/domain/source';
import { useCall } from '../../hooks/useCall';

/** The stored source with this id (its kind decides reply limits and how a reply is published); undefined while loading or unknown. */
export function useSourceOf(sourceId: string): Source | undefined {
  const workspace = useCall('workspace.get', {}, 'workspace.sourcesChanged');
  return workspace.data?.sources.find((s) => s.id === sourceId);
}
