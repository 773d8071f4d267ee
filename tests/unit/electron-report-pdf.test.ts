import { describe, expect, it, vi } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { createPdfSaver, type PdfWindow } from '../../electron/report-pdf';
import { KalmError } from '../../shared/domain/errors';
import { tempDataDir } from './helpers';

/** Electron's window, dialog and fs, as the main process passes them in. */
function fakeElectron(choice: { canceled: boolean; filePath?: string }) {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]); // %PDF
  const win: PdfWindow = { webContents: { printToPDF: vi.fn(async () => pdf) } };
  const showSaveDialog = vi.fn(async () => choice);
  const writeFile = vi.fn(async () => undefined);
  return { pdf, win, showSaveDialog, writeFile };
}

describe('reviews.saveReportPdf (Electron)', () => {
  it('prints the window to an A4 PDF with backgrounds and saves it where the user chose', async () => {
    const e = fakeElectron({ canceled: false, filePath: '/home/anna/Documents/oktober.pdf' });
    const save = createPdfSaver({ window: () => e.win, showSaveDialog: e.showSaveDialog, writeFile: e.writeFile, documentsDir: '/home/anna/Documents' });
    expect(await save('kalm-report-2026-10.pdf')).toEqual({ saved: true, path: '/home/anna/Documents/oktober.pdf' });
    expect(e.win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4', landscape: false });
    expect(e.showSaveDialog).toHaveBeenCalledWith(e.win, { defaultPath: '/home/anna/Documents/kalm-report-2026-10.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(e.writeFile).toHaveBeenCalledWith('/home/anna/Documents/oktober.pdf', e.pdf);
  });

  it('writes nothing when the dialog is cancelled, and says so when there is no window', async () => {
    const e = fakeElectron({ canceled: true });
    const save = createPdfSaver({ window: () => e.win, showSaveDialog: e.showSaveDialog, writeFile: e.writeFile, documentsDir: 'C:\\Users\\anna\\Documents' });
    expect(await save('r.pdf')).toEqual({ saved: false, path: null });
    expect(e.showSaveDialog).toHaveBeenCalledWith(e.win, expect.objectContaining({ defaultPath: 'C:\\Users\\anna\\Documents\\r.pdf' }));
    expect(e.writeFile).not.toHaveBeenCalled();
    const none = createPdfSaver({ window: () => null, showSaveDialog: e.showSaveDialog, writeFile: e.writeFile, documentsDir: '/tmp' });
    await expect(none('r.pdf')).rejects.toThrow('no Kalm window');
  });

  it('goes through the contract: the file name is checked, and a host without PDF support refuses clearly', async () => {
    const e = fakeElectron({ canceled: false, filePath: '/tmp/x.pdf' });
    const saveReportPdf = createPdfSaver({ window: () => e.win, showSaveDialog: e.showSaveDialog, writeFile: e.writeFile, documentsDir: '/tmp' });
    const app = await createKalm({ dataDir: await tempDataDir(), host: 'test', saveReportPdf });
    try {
      expect(await app.call('reviews.saveReportPdf', { fileName: 'kalm-report-2026-10.pdf' })).toEqual({ saved: true, path: '/tmp/x.pdf' });
      await expect(app.call('reviews.saveReportPdf', { fileName: '../../etc/passwd.pdf' })).rejects.toMatchObject({ code: 'invalid_input' });
    } finally {
      await app.close();
    }
    const web = await createKalm({ dataDir: await tempDataDir(), host: 'web' });
    try {
      const err: unknown = await web.call('reviews.saveReportPdf', { fileName: 'r.pdf' }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(KalmError);
      expect(err).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Save as PDF') });
    } finally {
      await web.close();
    }
  });
});
