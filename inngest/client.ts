// The Inngest client; the SDK reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY and INNGEST_DEV from the environment.
import { Inngest } from 'inngest';

export const inngest = new Inngest({ id: 'levqor' });
