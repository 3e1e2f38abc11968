// Capturing what the process-wide logger writes, in a test file that registers the mock itself:
//   vi.mock('@/lib/logger', async (importOriginal) => (await import('../helpers/captured-logs')).loggerModule(await importOriginal()));
import { Writable } from 'node:stream';
import type * as LoggerModule from '@/lib/logger';

/** Every line the mocked logger wrote, as JSON text. */
export const capturedLogs: string[] = [];

export function loggerModule(real: typeof LoggerModule): typeof LoggerModule {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      capturedLogs.push(String(chunk));
      done();
    },
  });
  return { ...real, logger: real.createLogger({ level: 'trace', destination }) };
}
