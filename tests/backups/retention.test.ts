import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type RetentionCandidate,
  type RetentionPolicy,
  retentionPolicySchema,
  selectRetention,
} from '@/lib/backups/retention';

const MIN = Date.UTC(2024, 0, 1);
const MAX = Date.UTC(2028, 11, 31);
const timeZones = fc.constantFrom(
  'UTC',
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
);
const count = fc.option(fc.nat({ max: 12 }), { nil: undefined });
const policies = fc.record({ keepLast: count, keepDaily: count, keepWeekly: count, keepMonthly: count });

/** Snapshots with distinct ids; times drawn from a small pool of hours so ties and shared days are common. */
const snapshots = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    createdAt: fc.integer({ min: 0, max: 24 * 400 }).map((hours) => new Date(MIN + hours * 1_800_000)),
  }),
  { selector: (snapshot) => snapshot.id, maxLength: 80 },
);
/** Snapshots with distinct ids and distinct times (to the minute, over 60 days around the spring DST change) so "the N newest" is unambiguous. */
const DST_WINDOW_START = Date.UTC(2026, 2, 1);
const distinctSnapshots = fc
  .uniqueArray(
    fc.oneof(
      fc.integer({ min: 0, max: 60 * 24 * 60 }),
      fc.integer({ min: (MIN - DST_WINDOW_START) / 60_000, max: (MAX - DST_WINDOW_START) / 60_000 }),
    ),
    { maxLength: 80 },
  )
  .map((minutes) =>
    minutes.map((minute, index) => ({
      id: `s${String(index).padStart(3, '0')}`,
      createdAt: new Date(DST_WINDOW_START + minute * 60_000),
    })),
  );

const newestFirst = (list: RetentionCandidate[]) =>
  [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
const localDay = (date: Date, timeZone: string) => date.toLocaleDateString('en-CA', { timeZone });
const keptIds = (list: RetentionCandidate[], policy: RetentionPolicy, timeZone = 'UTC') =>
  selectRetention(list, policy, timeZone).keep.map(({ id }) => id);

describe('selectRetention (properties)', () => {
  it('splits the snapshots into keep and remove: every id exactly once', () => {
    fc.assert(
      fc.property(snapshots, policies, timeZones, (list, policy, timeZone) => {
        const { keep, remove } = selectRetention(list, policy, timeZone);
        const all = [...keep.map(({ id }) => id), ...remove];
        expect(all).toHaveLength(list.length);
        expect(new Set(all)).toEqual(new Set(list.map(({ id }) => id)));
        expect(
          keep.every(
            ({ reasons }) =>
              reasons.length > 0 ||
              (!policy.keepLast && !policy.keepDaily && !policy.keepWeekly && !policy.keepMonthly),
          ),
        ).toBe(true);
      }),
    );
  });

  it('keepLast N keeps exactly the N newest snapshots', () => {
    fc.assert(
      fc.property(distinctSnapshots, fc.integer({ min: 1, max: 100 }), (list, n) => {
        const expected = newestFirst(list)
          .slice(0, n)
          .map(({ id }) => id);
        expect(keptIds(list, { keepLast: n })).toEqual(expected);
      }),
    );
  });

  it('keepDaily D keeps one snapshot per day, the newest of that day, for the D most recent days', () => {
    fc.assert(
      fc.property(distinctSnapshots, fc.integer({ min: 1, max: 30 }), timeZones, (list, days, timeZone) => {
        const newestOfDay = new Map<string, string>();
        for (const snapshot of newestFirst(list)) {
          const day = localDay(snapshot.createdAt, timeZone);
          if (!newestOfDay.has(day)) newestOfDay.set(day, snapshot.id);
        }
        const kept = selectRetention(list, { keepDaily: days }, timeZone).keep;
        expect(kept).toHaveLength(Math.min(days, newestOfDay.size));
        expect(kept.map(({ id }) => id)).toEqual([...newestOfDay.values()].slice(0, days));
        expect(kept.every(({ reasons }) => reasons.join() === 'daily')).toBe(true);
      }),
    );
  });

  it('always keeps the newest snapshot when any rule keeps at least one', () => {
    fc.assert(
      fc.property(
        distinctSnapshots.filter((list) => list.length > 0),
        policies,
        timeZones,
        (list, policy, timeZone) => {
          fc.pre(Boolean(policy.keepLast || policy.keepDaily || policy.keepWeekly || policy.keepMonthly));
          expect(keptIds(list, policy, timeZone)).toContain(newestFirst(list)[0]?.id);
        },
      ),
    );
  });

  it('gives the same answer whatever order the snapshots come in', () => {
    fc.assert(
      fc.property(
        snapshots.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
        ),
        policies,
        timeZones,
        ([list, shuffled], policy, timeZone) => {
          expect(selectRetention(shuffled, policy, timeZone)).toEqual(selectRetention(list, policy, timeZone));
        },
      ),
    );
  });
});

const at = (iso: string, id = iso) => ({ id, createdAt: new Date(iso) });

describe('selectRetention (examples)', () => {
  it('keeps everything under an empty or all-zero policy', () => {
    const list = [at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z')];
    expect(selectRetention(list, {}, 'UTC')).toEqual({
      keep: [
        { id: list[1]!.id, reasons: [] },
        { id: list[0]!.id, reasons: [] },
      ],
      remove: [],
    });
    expect(selectRetention(list, { keepLast: 0, keepDaily: 0 }, 'UTC').remove).toEqual([]);
  });

  it('counts days from midnight in Europe/London across the spring change to summer time', () => {
    // 29 March 2026: clocks go from 01:00 GMT to 02:00 BST.
    const list = [
      at('2026-03-28T23:30:00Z', 'sat-2330-gmt'),
      at('2026-03-29T00:30:00Z', 'sun-0030-gmt'),
      at('2026-03-29T22:30:00Z', 'sun-2330-bst'),
      at('2026-03-29T23:30:00Z', 'mon-0030-bst'),
    ];
    expect(selectRetention(list, { keepDaily: 10 }, 'Europe/London')).toEqual({
      keep: [
        { id: 'mon-0030-bst', reasons: ['daily'] },
        { id: 'sun-2330-bst', reasons: ['daily'] },
        { id: 'sat-2330-gmt', reasons: ['daily'] },
      ],
      remove: ['sun-0030-gmt'],
    });
    // The same instants by UTC days: 28th and 29th only.
    expect(keptIds(list, { keepDaily: 10 }, 'UTC')).toEqual(['mon-0030-bst', 'sat-2330-gmt']);
  });

  it('treats 00:30 BST and 23:30 GMT on the autumn change day as the same London day', () => {
    // 25 October 2026: clocks go from 02:00 BST back to 01:00 GMT; the day lasts 25 hours.
    const list = [at('2026-10-24T23:30:00Z', 'early'), at('2026-10-25T23:30:00Z', 'late')];
    expect(selectRetention(list, { keepDaily: 5 }, 'Europe/London')).toEqual({
      keep: [{ id: 'late', reasons: ['daily'] }],
      remove: ['early'],
    });
    expect(keptIds(list, { keepDaily: 5 }, 'UTC')).toEqual(['late', 'early']);
  });

  it('uses ISO weeks (Monday to Sunday, across the new year) for keepWeekly', () => {
    const list = [
      at('2025-12-29T10:00:00Z', 'mon-w01'),
      at('2026-01-04T10:00:00Z', 'sun-w01'),
      at('2026-01-05T10:00:00Z', 'mon-w02'),
    ];
    expect(selectRetention(list, { keepWeekly: 5 }, 'UTC')).toEqual({
      keep: [
        { id: 'mon-w02', reasons: ['weekly'] },
        { id: 'sun-w01', reasons: ['weekly'] },
      ],
      remove: ['mon-w01'],
    });
  });

  it('combines rules grandfather-father-son style and records every reason', () => {
    // One snapshot a day at noon UTC from 1 January to 30 April 2026 (a Thursday to a Thursday).
    const list = Array.from({ length: 120 }, (_, day) => at(new Date(Date.UTC(2026, 0, 1 + day, 12)).toISOString()));
    const { keep } = selectRetention(list, { keepLast: 2, keepDaily: 3, keepWeekly: 2, keepMonthly: 3 }, 'UTC');
    expect(keep.map(({ id, reasons }) => [id.slice(0, 10), reasons])).toEqual([
      ['2026-04-30', ['last', 'daily', 'weekly', 'monthly']],
      ['2026-04-29', ['last', 'daily']],
      ['2026-04-28', ['daily']],
      ['2026-04-26', ['weekly']],
      ['2026-03-31', ['monthly']],
      ['2026-02-28', ['monthly']],
    ]);
  });
});

describe('retentionPolicySchema', () => {
  it('accepts counts and an IANA time zone', () => {
    expect(
      retentionPolicySchema.parse({
        keepLast: 3,
        keepDaily: 7,
        keepWeekly: 4,
        keepMonthly: 12,
        timezone: 'Europe/London',
      }),
    ).toMatchObject({ keepDaily: 7 });
    expect(retentionPolicySchema.parse({})).toEqual({});
  });

  it.each([
    [{ keepLast: -1 }, 'keepLast'],
    [{ keepDaily: 1.5 }, 'keepDaily'],
    [{ keepWeekly: '4' }, 'keepWeekly'],
    [{ keepMonthly: 3, timezone: 'Mars/Olympus' }, 'timezone'],
    [{ keep_last: 3 }, ''],
  ])('refuses %j', (policy, path) => {
    const result = retentionPolicySchema.safeParse(policy);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(path);
  });
});
