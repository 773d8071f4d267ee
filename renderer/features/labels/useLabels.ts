import { useEffect } from 'react';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';

/**
 * The label definitions, rules and counts; fresh after label changes and after review changes
 * (labelling reviews, "Run rules now", a sync or import changes the counts).
 */
export function useLabels() {
  const api = useApi();
  const labels = useCall('labels.list', {}, 'labels.changed');
  const { reload } = labels;
  useEffect(() => api.on('reviews.changed', reload), [api, reload]);
  return labels;
}
