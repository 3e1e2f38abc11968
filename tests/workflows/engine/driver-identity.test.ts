import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { driverIdentity } from '@/lib/workflows/engine/driver-identity';

describe('the identity a driver restarts with', () => {
  it('names the host, the data folder and the database, but never the password', () => {
    const identity = driverIdentity(
      {
        DATABASE_URL: 'postgres://levqor:s3cret@db.internal:6543/levqor',
        POSTGRES_URL: undefined,
        LEVQOR_DATA_DIR: '.data',
      },
      'node-7',
    );
    expect(identity).toBe(`node-7 ${path.resolve('.data')} postgres://db.internal:6543/levqor`);
    expect(identity).not.toContain('s3cret');
  });

  it('differs between two data folders on one host, and is the same again after a restart', () => {
    const first = driverIdentity(
      { DATABASE_URL: undefined, POSTGRES_URL: undefined, LEVQOR_DATA_DIR: '/srv/a' },
      'node-7',
    );
    expect(
      driverIdentity({ DATABASE_URL: undefined, POSTGRES_URL: undefined, LEVQOR_DATA_DIR: '/srv/b' }, 'node-7'),
    ).not.toBe(first);
    expect(
      driverIdentity({ DATABASE_URL: undefined, POSTGRES_URL: undefined, LEVQOR_DATA_DIR: '/srv/a' }, 'node-7'),
    ).toBe(first);
  });
});
