import type { ExportFile } from '../../../shared/export/export-schema';

/** Saves an export through a Blob link: the browser (web host) or Electron's download handling asks where. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
