/**
 * Renders the add-on's icons from the SVGs beside this file, at the sizes the
 * Workspace Marketplace listing asks for: application icons of 32, 48, 96
 * and 128 pixels, the 220x140 card banner, and a 120-pixel logo for the OAuth
 * consent screen. Run after changing an SVG: `npm run icons`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const here = dirname(fileURLToPath(import.meta.url));

export const ICON_SIZES = [32, 48, 96, 120, 128];

function render(svgFile, width) {
  const svg = readFileSync(join(here, svgFile), 'utf8');
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
}

export function renderIcons(outdir = here) {
  const written = [];
  for (const size of ICON_SIZES) {
    const file = join(outdir, `mailping-${size}.png`);
    writeFileSync(file, render('mailping.svg', size));
    written.push(file);
  }
  const banner = join(outdir, 'mailping-banner-220x140.png');
  writeFileSync(banner, render('banner.svg', 220));
  return [...written, banner];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of renderIcons()) console.log(`wrote ${file}`);
}
