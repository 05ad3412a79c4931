import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ICONS = join(ROOT, 'addon/icons');
/** What the Marketplace listing asks for, plus the OAuth consent screen's 120-pixel logo. */
const EXPECTED = [
  ['mailping-32.png', 32, 32],
  ['mailping-48.png', 48, 48],
  ['mailping-96.png', 96, 96],
  ['mailping-120.png', 120, 120],
  ['mailping-128.png', 128, 128],
  ['mailping-banner-220x140.png', 220, 140],
] as const;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('listing icons', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'mailping-icons-'));
    const script = `import('${join(ICONS, 'render-icons.mjs')}').then((m) => m.renderIcons('${fresh}'))`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it.each(EXPECTED)('has %s at %ix%i', (file, width, height) => {
    expect(pngSize(join(ICONS, file))).toEqual([width, height]);
  });

  it.each(EXPECTED)('keeps %s as the SVG renders it today', (file) => {
    expect(readFileSync(join(ICONS, file)).equals(readFileSync(join(fresh, file)))).toBe(true);
  });
});
