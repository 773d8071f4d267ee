/**
 * "Save as PDF" for the monthly report in the Electron app: prints the
 * window showing the report (print CSS applies) with webContents.printToPDF
 * and asks where to save it. Electron is passed in (main.ts), so this file
 * stays testable without it.
 */

export interface PdfWindow {
  webContents: { printToPDF(options: { printBackground: boolean; pageSize: 'A4'; landscape: boolean }): Promise<Uint8Array> };
}

export interface PdfDeps<W extends PdfWindow> {
  /** The window the report is shown in (the focused or first app window); null when there is none. */
  window(): W | null;
  showSaveDialog(win: W, options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Where the dialog starts (the user's documents folder). */
  documentsDir: string;
}

export interface PdfResult {
  saved: boolean;
  path: string | null;
}

export function createPdfSaver<W extends PdfWindow>(deps: PdfDeps<W>): (fileName: string) => Promise<PdfResult> {
  return async (fileName) => {
    const win = deps.window();
    if (!win) throw new Error('There is no Kalm window to print.');
    // Render first, so a slow printer driver never keeps the dialog waiting on an empty file.
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', landscape: false });
    const sep = deps.documentsDir.includes('\\') && !deps.documentsDir.includes('/') ? '\\' : '/';
    const choice = await deps.showSaveDialog(win, { defaultPath: `${deps.documentsDir}${sep}${fileName}`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    await deps.writeFile(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  };
}
