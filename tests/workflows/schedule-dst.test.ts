// Schedules across DST shifts, checked against an independent oracle: every UTC minute of each transition day (±1 day)
// read on the zone's wall clock with Intl, matched to the cron fields, with the gap and repeated-hour rules applied.
import { describe, expect, it } from 'vitest';
import { nextOccurrence } from '@/lib/workflows/schedule/next-occurrence';
import { previousOccurrence } from '@/lib/workflows/schedule/previous-occurrence';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

type Wall = { year: number; month: number; day: number; hour: number; minute: number; weekday: number; key: number };

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

const readings = new Map<string, Wall>();

/** The zone's wall clock at a UTC instant, straight from Intl (remembered: every test reads the same minutes). */
function readWall(zone: string, instant: number): Wall {
  const cacheKey = `${zone}@${instant}`;
  const known = readings.get(cacheKey);
  if (known) return known;
  const wall = formatWall(zone, instant);
  readings.set(cacheKey, wall);
  return wall;
}

function formatWall(zone: string, instant: number): Wall {
  if (!formatters.has(zone)) {
    formatters.set(
      zone,
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      }),
    );
  }
  const parts = Object.fromEntries(
    formatters
      .get(zone)!
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const [year, month, day, hour, minute] = [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(
    Number,
  ) as [number, number, number, number, number];
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: weekdays.indexOf(parts.weekday!),
    key: Date.UTC(year, month - 1, day, hour, minute),
  };
}

/** A wall reading from its key (calendar arithmetic only, no time zone). */
function wallOfKey(key: number): Wall {
  const at = new Date(key);
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    weekday: at.getUTCDay(),
    key,
  };
}

/** A tiny matcher for the crons under test: `*`, lists, ranges and steps; day-of-month and weekday both restricted never occurs here. */
function cronMatcher(cron: string): (wall: Wall) => boolean {
  const field = (spec: string, min: number, max: number) => {
    const values = new Set<number>();
    for (const part of spec.split(',')) {
      const [range, step = '1'] = part.split('/') as [string, string?];
      const [from, to] = range === '*' ? [min, max] : (range.split('-').map(Number) as [number, number?]);
      for (let value = from; value <= (to ?? (part.includes('/') ? max : from)); value += Number(step))
        values.add(value);
    }
    return values;
  };
  const [minute, hour, day, month, weekday] = cron.split(' ') as [string, string, string, string, string];
  const sets = {
    minute: field(minute, 0, 59),
    hour: field(hour, 0, 23),
    day: field(day, 1, 31),
    month: field(month, 1, 12),
    weekday: field(weekday, 0, 6),
  };
  return (wall) =>
    sets.minute.has(wall.minute) &&
    sets.hour.has(wall.hour) &&
    sets.day.has(wall.day) &&
    sets.month.has(wall.month) &&
    sets.weekday.has(wall.weekday);
}

/** Expected occurrences in (from, to): a wall time seen for the first time that matches, or the first minute after a gap that skipped a match. */
function oracle(cron: string, zone: string, from: number, to: number): string[] {
  const matches = cronMatcher(cron);
  const seen = new Set<number>();
  const expected: string[] = [];
  let previous = readWall(zone, from);
  seen.add(previous.key);
  for (let instant = from + minuteMs; instant < to; instant += minuteMs) {
    const wall = readWall(zone, instant);
    let runs = !seen.has(wall.key) && matches(wall);
    for (let skipped = previous.key + minuteMs; skipped < wall.key; skipped += minuteMs)
      if (matches(wallOfKey(skipped))) runs = true;
    seen.add(wall.key);
    previous = wall;
    if (runs) expected.push(new Date(instant).toISOString());
  }
  return expected;
}

/** What the app returns, iterating its next-occurrence function from `from`. */
function appOccurrences(cron: string, zone: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (
    let at = nextOccurrence(cron, zone, new Date(from));
    at && at.getTime() < to;
    at = nextOccurrence(cron, zone, at)
  )
    out.push(at.toISOString());
  return out;
}

/** The instants in 2026–2027 where the zone's UTC offset changes (found hour by hour, then to the minute). */
function transitions(zone: string): number[] {
  const offset = (instant: number) => readWall(zone, instant).key - Math.floor(instant / minuteMs) * minuteMs;
  const found: number[] = [];
  for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2028, 0, 1); instant += hourMs) {
    if (offset(instant) === offset(instant + hourMs)) continue;
    let at = instant;
    while (offset(at) === offset(instant)) at += minuteMs;
    found.push(at);
  }
  return found;
}

const dstZones = ['Australia/Lord_Howe', 'Pacific/Chatham', 'Australia/Adelaide', 'Europe/London', 'America/New_York'];
const fixedZones = ['Asia/Kolkata', 'Asia/Kathmandu'];
const crons = [
  '0 * * * *',
  '*/30 * * * *',
  '*/15 * * * *',
  '0 2 * * *',
  '30 2 * * *',
  '15 1 * * *',
  '30 1 * * *',
  '0 3 * * *',
  '0 9 * * 1-5',
  '45 1,2,3 * * *',
];

/** Windows of the transition day ±1 day (4 per DST zone: both shifts of 2026 and 2027), or a few plain days. */
function windows(zone: string): [number, number][] {
  if (fixedZones.includes(zone))
    return [
      [Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 31)],
      [Date.UTC(2027, 9, 29), Date.UTC(2027, 10, 2)],
    ];
  return transitions(zone).map((at) => [at - 2 * dayMs, at + 2 * dayMs]);
}

describe.each([...dstZones, ...fixedZones])('schedules in %s', (zone) => {
  const zoneWindows = windows(zone);

  it('has both DST shifts of 2026 and 2027 under test (none in zones without DST)', () => {
    expect(zoneWindows).toHaveLength(fixedZones.includes(zone) ? 2 : 4);
  });

  it.each(crons)('runs "%s" exactly when the wall clock says: once after a gap, once in a repeated hour', (cron) => {
    for (const [from, to] of zoneWindows) {
      const expected = oracle(cron, zone, from, to);
      expect(expected.length).toBeGreaterThan(0);
      expect(appOccurrences(cron, zone, from, to)).toEqual(expected);
    }
  });

  it.each(crons)('finds "%s"\'s latest occurrence at, just after and just before each one', (cron) => {
    for (const [from, to] of zoneWindows) {
      const expected = oracle(cron, zone, from, to).map((iso) => Date.parse(iso));
      expected.forEach((at, i) => {
        expect(previousOccurrence(cron, zone, new Date(at))?.getTime()).toBe(at);
        expect(previousOccurrence(cron, zone, new Date(at + 1))?.getTime()).toBe(at);
        if (i > 0) expect(previousOccurrence(cron, zone, new Date(at - 1))?.getTime()).toBe(expected[i - 1]);
      });
    }
  });
});

describe('the DST rules, spelled out', () => {
  it('runs a 02:00 job at 02:30 on the day Lord Howe jumps 02:00 → 02:30, and */30 still runs at 02:30 once', () => {
    expect(nextOccurrence('0 2 * * *', 'Australia/Lord_Howe', new Date('2026-10-03T12:00:00Z'))?.toISOString()).toBe(
      '2026-10-03T15:30:00.000Z',
    );
    expect(
      appOccurrences(
        '*/30 * * * *',
        'Australia/Lord_Howe',
        Date.parse('2026-10-03T14:59:00Z'),
        Date.parse('2026-10-03T16:31:00Z'),
      ),
    ).toEqual([
      '2026-10-03T15:00:00.000Z', // 01:30 +10:30
      '2026-10-03T15:30:00.000Z', // 02:30 +11 (02:00 does not exist)
      '2026-10-03T16:00:00.000Z',
      '2026-10-03T16:30:00.000Z',
    ]);
  });

  it('runs a job whose time repeats when Lord Howe goes back 02:00 → 01:30 once, at the first pass', () => {
    expect(
      appOccurrences(
        '45 1 * * *',
        'Australia/Lord_Howe',
        Date.parse('2026-04-04T12:00:00Z'),
        Date.parse('2026-04-05T12:00:00Z'),
      ),
    ).toEqual(['2026-04-04T14:45:00.000Z']);
    expect(
      appOccurrences(
        '*/30 * * * *',
        'Australia/Lord_Howe',
        Date.parse('2026-04-04T13:59:00Z'),
        Date.parse('2026-04-04T16:01:00Z'),
      ),
    ).toEqual([
      '2026-04-04T14:00:00.000Z', // 01:00 +11
      '2026-04-04T14:30:00.000Z', // 01:30 +11, first pass; the second 01:30 (15:00Z) does not run again
      '2026-04-04T15:30:00.000Z', // 02:00 +10:30
      '2026-04-04T16:00:00.000Z',
    ]);
  });

  it('computes the next hourly run from inside the Lord Howe fall-back hour, where cron-parser gave up', () => {
    expect(nextOccurrence('0 * * * *', 'Australia/Lord_Howe', new Date('2026-04-04T14:00:00Z'))?.toISOString()).toBe(
      '2026-04-04T15:30:00.000Z',
    );
    expect(nextOccurrence('0 1 * * *', 'Australia/Lord_Howe', new Date('2026-04-04T14:10:00Z'))?.toISOString()).toBe(
      '2026-04-05T14:30:00.000Z',
    );
  });

  it('runs the 45-minute Chatham shift like any other: 03:00 skipped runs at 03:45, the repeated 03:00 once', () => {
    expect(nextOccurrence('0 3 * * *', 'Pacific/Chatham', new Date('2026-09-26T12:00:00Z'))?.toISOString()).toBe(
      '2026-09-26T14:00:00.000Z',
    );
    expect(
      appOccurrences(
        '0 3 * * *',
        'Pacific/Chatham',
        Date.parse('2026-04-04T12:00:00Z'),
        Date.parse('2026-04-05T12:00:00Z'),
      ),
    ).toEqual(['2026-04-04T13:15:00.000Z']);
  });
});
