/** The entry point Cloud Run runs (bundled as dist/server.js). */
import { startService } from './service';

startService(process.env).catch((error: unknown) => {
  console.error(JSON.stringify({ severity: 'CRITICAL', message: String(error) }));
  process.exit(1);
});
