/** Where the page tests expect Debian's Chromium, and what to do when it is missing. */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_HINT =
  `Chromium was not found at ${CHROMIUM}. Install Debian's package: ` +
  '`apt-get update && apt-get install -y chromium`.';

export const hasChromium = existsSync(CHROMIUM);
