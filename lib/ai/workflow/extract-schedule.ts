// Schedules and durations in a normalised request: "every 15 minutes", "weekdays at 7:30", "毎週月曜日の朝9時",
// "كل يوم اثنين الساعة 8" become a five-field cron; "wait 2 days", "3 Stunden warten" become a delay.
import type { DurationUnit } from './lexicon';
import { allLexicons, mentions, phrasesOf } from './match-phrases';

export type Duration = { unit: DurationUnit; amount: number };
export type ScheduleFinding = { cron: string | null; delay: Duration | null };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (list: string[]) => [...new Set(list.filter(Boolean))].map(escape).join('|');
const numberWords = Object.assign({}, ...allLexicons.map((lexicon) => lexicon.numbers)) as Record<string, number>;
const durationWords = Object.assign({}, ...allLexicons.map((lexicon) => lexicon.durationWords ?? {})) as Record<
  string,
  Duration
>;
const unitConcepts = { minutes: 'minuteUnit', hours: 'hourUnit', days: 'dayUnit', weeks: 'weekUnit' } as const;
const NOT_A_TIME = /^\s?(?:€|eur|euro|\$|£|usd|gbp|dollar|pound|元|円|yen|万|%|x |k |\d)/;
/** "7 y media", "7 e meia", "7 et quart": minutes spoken after the hour. */
function spokenMinutes(following: string): number {
  if (/^\s?(?:y|e|et|und) (?:media|meia|mezza|demie|halb)/.test(following)) return 30;
  return /^\s?(?:y|e|et) (?:cuarto|quarto|un quarto|quart)/.test(following) ? 15 : 0;
}
const EVERY_AFTER = /^\s?(?:ごと|おき|毎|おきに)/;

type Found = { index: number; length: number };

function findDurations(text: string): (Duration & Found & { every: boolean })[] {
  const found: (Duration & Found & { every: boolean })[] = [];
  const numbers = `\\d{1,4}|${alternatives(Object.keys(numberWords))}`;
  for (const [unit, concept] of Object.entries(unitConcepts) as [DurationUnit, string][]) {
    const units = [...new Set(phrasesOf(concept as never))]
      .map((phrase) => escape(phrase.trim()) + (phrase.endsWith(' ') ? '(?![a-z])' : ''))
      .join('|');
    const pattern = new RegExp(`(?<![a-z\\d])(${numbers})\\s?(?:${units})`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const amount = /^\d+$/.test(match[1]!) ? Number(match[1]) : numberWords[match[1]!]!;
      found.push({ unit, amount, index: match.index, length: match[0].length, every: false });
    }
  }
  for (const [word, duration] of Object.entries(durationWords)) {
    const index = text.indexOf(word);
    if (index >= 0) found.push({ ...duration, index, length: word.length, every: false });
  }
  const every = phrasesOf('every').map((phrase) => phrase.trim());
  for (const item of found) {
    const before = text.slice(Math.max(0, item.index - 12), item.index);
    const after = text.slice(item.index + item.length, item.index + item.length + 4);
    item.every = every.some((word) => before.endsWith(word) || before.endsWith(`${word} `)) || EVERY_AFTER.test(after);
  }
  return found.filter((item) => item.amount > 0);
}

const mask = (text: string, spans: Found[]) =>
  spans.reduce(
    (masked, span) => masked.slice(0, span.index) + ' '.repeat(span.length) + masked.slice(span.index + span.length),
    text,
  );

type ClockTime = { hour: number; minute: number; index: number; length: number; meridiem: boolean };

/** Clock times in the text, in order ("9am and 5pm" gives two). */
function findTimes(text: string): ClockTime[] {
  const before = alternatives(allLexicons.flatMap((lexicon) => lexicon.timeBefore));
  const after = alternatives(allLexicons.flatMap((lexicon) => lexicon.timeAfter));
  const patterns = [
    /(?<!\d)(\d{1,2})[:h.](\d{2})(?!\d)/gu,
    /(?<!\d)(\d{1,2})\s?(a ?m|p ?m)(?![\p{L}])/gu,
    new RegExp(`(?<![\\d.])(\\d{1,2})\\s?(?:${after})(?!間|[a-z])`, 'gu'),
    new RegExp(`(?<![\\p{L}])(?:${before})\\s(\\d{1,2})(?![\\d:.]|\\s?(?:st|nd|rd|th|er)\\b)`, 'gu'),
  ];
  const found: ClockTime[] = [];
  for (const pattern of patterns)
    for (const match of text.matchAll(pattern)) {
      if (NOT_A_TIME.test(text.slice(match.index + match[0].length, match.index + match[0].length + 7))) continue;
      const meridiem = /^(a ?m|p ?m)$/.test(match[2] ?? '');
      let hour = Number(match[1]);
      const spoken = spokenMinutes(text.slice(match.index + match[0].length, match.index + match[0].length + 14));
      const minute = match[2] && /^\d+$/.test(match[2]) ? Number(match[2]) : spoken;
      if (meridiem && match[2]!.startsWith('p') && hour < 12) hour += 12;
      if (meridiem && match[2]!.startsWith('a') && hour === 12) hour = 0;
      const overlaps = found.some(
        (time) => match.index < time.index + time.length && time.index < match.index + match[0].length,
      );
      if (hour <= 23 && minute <= 59 && !overlaps)
        found.push({ hour, minute, index: match.index, length: match[0].length, meridiem });
    }
  return withListedHours(text, found).sort((a, b) => a.index - b.index);
}

/** "at 8 and 20", "um 7 und 19": a bare hour joined to a clock time by "and" is a second time of the same minute. */
const LISTED_HOUR = /^\s*(?:,|&|and|y|et|und|e|ed|و|和|と|及び)\s*(\d{1,2})(?![\d:.h]|\s?(?:a ?m|p ?m))/u;

function withListedHours(text: string, found: ClockTime[]): ClockTime[] {
  const listed: ClockTime[] = [];
  for (const time of found) {
    const end = time.index + time.length;
    const match = LISTED_HOUR.exec(text.slice(end));
    if (!match) continue;
    const hour = Number(match[1]);
    const start = end + match[0].length - match[1]!.length;
    // NOTE: only a later hour of the same day counts ("at 8 and 20"), so "at 9 and 3 more orders" stays one time;
    // a duration ("and 20 minutes") was masked out of the text before.
    const taken = found.some((other) => other.index === start);
    if (hour > time.hour && hour <= 23 && !taken && !NOT_A_TIME.test(text.slice(start + match[1]!.length)))
      listed.push({ hour, minute: time.minute, index: start, length: match[1]!.length, meridiem: false });
  }
  return [...found, ...listed];
}

function adjustedHour(text: string, time: ClockTime): number {
  if (time.meridiem || time.hour >= 12) return time.hour;
  const near = text.slice(Math.max(0, time.index - 8), time.index + time.length + 16);
  if (phrasesOf('pm').some((phrase) => near.includes(phrase.trim()))) return time.hour + 12;
  // "every night at 11", "chaque soir à 8": a bare hour from 6 to 11 in the evening or at night is after noon.
  return time.hour >= 6 && (mentions(text, 'night') || mentions(text, 'evening')) ? time.hour + 12 : time.hour;
}

/** "minute hour" cron fields: the request's clock times (same minute), or a time of day it names. */
function timeFields(text: string, times: ClockTime[], nightly: boolean): string {
  if (times.length > 0) {
    const first = times[0]!;
    const hours = [...new Set(times.filter((t) => t.minute === first.minute).map((t) => adjustedHour(text, t)))];
    return `${first.minute} ${hours.sort((a, b) => a - b).join(',')}`;
  }
  if (mentions(text, 'midnight')) return '0 0';
  if (mentions(text, 'afternoon')) return '0 14';
  if (mentions(text, 'noon')) return '0 12';
  if (mentions(text, 'morning')) return '0 9';
  if (mentions(text, 'night')) return nightly ? '0 2' : '0 21';
  if (mentions(text, 'evening')) return '0 18';
  return '0 9';
}

function weekdaysIn(text: string): number[] {
  const days = new Set<number>();
  for (const lexicon of allLexicons)
    lexicon.weekdays.forEach((names, day) => {
      if (names.some((name) => text.includes(name))) days.add(day);
    });
  return [...days].sort();
}

function dayOfMonthIn(text: string): number {
  for (const lexicon of allLexicons) {
    for (const word of lexicon.dayOfMonth.before) {
      const match = new RegExp(`(?<![\\p{L}])${escape(word)}\\s?(\\d{1,2})(?!\\d)`, 'u').exec(text);
      if (match && Number(match[1]) >= 1 && Number(match[1]) <= 28) return Number(match[1]);
    }
    for (const word of lexicon.dayOfMonth.after) {
      const match = new RegExp(`(?<!\\d)(\\d{1,2})\\s?${escape(word)}`, 'u').exec(text);
      if (match && Number(match[1]) >= 1 && Number(match[1]) <= 28) return Number(match[1]);
    }
  }
  return 1;
}

/**
 * `nightly`: a night without a time means 02:00 (backups), otherwise 21:00. `reactive`: the request says "when …".
 * `recurring`: it asks for a report or a backup, so "a morning digest" means every morning.
 */
export function extractSchedule(
  text: string,
  { nightly = false, reactive = false, recurring = false } = {},
): ScheduleFinding {
  const durations = findDurations(text);
  const interval = durations.find((item) => item.every);
  const waits = durations.filter((item) => !item.every);
  const delay = waits.length > 0 && mentions(text, 'wait') ? { unit: waits[0]!.unit, amount: waits[0]!.amount } : null;
  const rest = mask(text, durations);
  if (interval?.unit === 'minutes') return { cron: `*/${Math.min(interval.amount, 59)} * * * *`, delay };
  if (interval?.unit === 'hours')
    return { cron: interval.amount > 1 ? `0 */${Math.min(interval.amount, 23)} * * *` : '0 * * * *', delay };
  if (mentions(text, 'hourly')) return { cron: '0 * * * *', delay };
  const times = findTimes(rest);
  const time = times[0] ?? null;
  const timeOfDay = timeFields(rest, times, nightly);
  const rest2 = mask(rest, times);
  if (interval?.unit === 'days' && interval.amount > 1) return { cron: `${timeOfDay} */${interval.amount} * *`, delay };
  if (mentions(text, 'quarterly')) return { cron: `${timeOfDay} ${dayOfMonthIn(rest2)} */3 *`, delay };
  if (mentions(text, 'monthly')) return { cron: `${timeOfDay} ${dayOfMonthIn(rest2)} * *`, delay };
  if (mentions(text, 'weekdays')) return { cron: `${timeOfDay} * * 1-5`, delay };
  if (mentions(text, 'weekend')) return { cron: `${timeOfDay} * * 0,6`, delay };
  const days = weekdaysIn(rest2);
  const periodic =
    mentions(text, 'weekly') || mentions(text, 'daily') || mentions(text, 'every') || time !== null || !reactive;
  if (days.length > 0 && days.length < 7 && periodic) return { cron: `${timeOfDay} * * ${days.join(',')}`, delay };
  if (mentions(text, 'weekly') || interval?.unit === 'weeks') return { cron: `${timeOfDay} * * 1`, delay };
  if (mentions(text, 'daily') || interval?.unit === 'days') return { cron: `${timeOfDay} * * *`, delay };
  if (time && !reactive) return { cron: `${timeOfDay} * * *`, delay };
  const partOfDay = (['morning', 'afternoon', 'evening', 'night', 'noon'] as const).some((part) =>
    mentions(text, part),
  );
  if (recurring && !reactive && partOfDay) return { cron: `${timeOfDay} * * *`, delay };
  return { cron: null, delay };
}
