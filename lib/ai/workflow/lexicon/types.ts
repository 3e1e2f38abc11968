// The shape of one language's builder lexicon: phrases per concept (matched as substrings of normalised text; a
// leading or trailing space marks a word boundary), weekday names, number words and the words around a clock time.
/** The things a request is about (orders, tickets …), as distinct from actions and conditions. */
export const entityConcepts = [
  'order',
  'customer',
  'lead',
  'ticket',
  'invoice',
  'payment',
  'refund',
  'cart',
  'stock',
  'review',
  'signup',
  'sales',
  'traffic',
  'website',
  'form',
  'dispute',
] as const;

export const concepts = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'hourly',
  'weekdays',
  'weekend',
  'every',
  'morning',
  'afternoon',
  'evening',
  'night',
  'noon',
  'midnight',
  'pm',
  'minuteUnit',
  'hourUnit',
  'dayUnit',
  'weekUnit',
  'when',
  'fresh',
  'conditional',
  'manual',
  'workflowFailed',
  'backup',
  'notify',
  'email',
  'report',
  'addRow',
  'sheet',
  'createPage',
  'fetch',
  'approval',
  'wait',
  'compare',
  'down',
  'failed',
  'urgent',
  ...entityConcepts,
  'injection',
] as const;
export type Concept = (typeof concepts)[number];

export type Lexicon = {
  phrases: Partial<Record<Concept, string[]>>;
  /** Index 0 is Sunday. */
  weekdays: string[][];
  /** Number words that may stand before a unit ("two days", "deux jours"). */
  numbers: Record<string, number>;
  /** Words just before an hour ("at 9", "a las 9", "um 9"). */
  timeBefore: string[];
  /** Words just after an hour ("9 o'clock", "9 Uhr", "9時", "9点"). */
  timeAfter: string[];
  /** Words just after a day of the month ("the 15th", "15日"). */
  dayOfMonth: { before: string[]; after: string[] };
  /** Words that are a duration on their own (Arabic duals: يومين = two days). */
  durationWords?: Record<string, { unit: DurationUnit; amount: number }>;
};

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';
