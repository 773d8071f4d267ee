// Renders Kalm's one source icon (build/icon.svg) into every file electron-builder and the app use:
//   build/icon.png          1024×1024 (electron-builder's default; macOS and Linux derive from it)
//   build/icon.ico          Windows (16–256 px, PNG-compressed entries)
//   build/icon.icns         macOS
//   build/icons/NxN.png     Linux hicolor sizes (linux.icon points here), also for a tray or window icon
// The SVG is drawn by resvg (@resvg/resvg-js, prebuilt from npm); png2icons packs the ICO and ICNS.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** @param {string} svg @param {number} size @returns {Buffer} */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/**
 * @param {{ source?: string, outdir?: string }} [opts]
 * @returns {Promise<string[]>} the files written, relative to outdir
 */
export async function renderIcons(opts = {}) {
  const source = opts.source ?? path.join(root, 'build', 'icon.svg');
  const outdir = opts.outdir ?? path.join(root, 'build');
  const svg = await readFile(source, 'utf8');
  await mkdir(path.join(outdir, 'icons'), { recursive: true });
  const written = [];
  const write = async (name, data) => {
    if (!data) throw new Error(`could not create ${name} from ${path.relative(root, source)}`);
    await writeFile(path.join(outdir, name), data);
    written.push(name);
  };
  const big = renderPng(svg, 1024);
  await write('icon.png', big);
  for (const size of LINUX_SIZES) await write(path.join('icons', `${size}x${size}.png`), size === 1024 ? big : renderPng(svg, size));
  await write('icon.ico', png2icons.createICO(big, png2icons.BICUBIC2, 0, true, true));
  await write('icon.icns', png2icons.createICNS(big, png2icons.BICUBIC2, 0));
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  renderIcons().then(
    (files) => console.log(`rendered ${files.length} icon files into build/ from build/icon.svg`),
    (err) => {
      console.error(`Kalm: could not render the icons: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
