import { useCall } from '../../hooks/useCall';

/** The label definitions, rules and counts; fresh after label and review changes. */
export function useLabels() {
  const labels = useCall('labels.list', {}, 'labels.changed');
  return labels;
}
