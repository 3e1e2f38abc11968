// The running version: package version plus the deployed commit when the platform provides it.
import pkg from '@/package.json' with { type: 'json' };

const commit = process.env.VERCEL_GIT_COMMIT_SHA ?? process.env.GIT_COMMIT_SHA;

export const appVersion: string = commit ? `${pkg.version}+${commit.slice(0, 7)}` : pkg.version;
