import { addDays } from '@app/core';
import { GymLocation, LessonType } from '../lessons/lesson.entity';
import type { NewLesson } from '../lessons/lesson.service';
import type { SeededRandom } from '@app/core';

interface LessonKind {
  type: LessonType;
  creditCount: number;
  capacity: [min: number, max: number];
}

const KINDS: readonly LessonKind[] = [
  { type: LessonType.Weight, creditCount: 1, capacity: [12, 20] },
  { type: LessonType.Yoga, creditCount: 2, capacity: [10, 16] },
  { type: LessonType.Crossfit, creditCount: 2, capacity: [8, 14] },
  { type: LessonType.Swim, creditCount: 3, capacity: [5, 10] },
];

const SLOTS: readonly [start: string, end: string][] = [
  ['06:00', '07:00'],
  ['07:00', '08:00'],
  ['10:00', '11:00'],
  ['12:00', '13:00'],
  ['18:00', '19:00'],
  ['19:00', '20:00'],
  ['20:00', '21:00'],
  ['21:00', '22:00'],
];

const LESSONS_PER_GYM = { weekday: 5, weekend: 3 };

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The demo timetable: every day from `firstDay` for `days` days, a few one-hour lessons in
 * each gym (fewer at the weekend), in random slots, types and capacities.
 */
export function planDemoSchedule(firstDay: string, days: number, random: SeededRandom): NewLesson[] {
  const lessons: NewLesson[] = [];
  for (let offset = 0; offset < days; offset++) {
    const startDate = addDays(firstDay, offset);
    const perGym = isWeekend(startDate) ? LESSONS_PER_GYM.weekend : LESSONS_PER_GYM.weekday;
    for (const gym of Object.values(GymLocation)) {
      const slots = random
        .shuffle(SLOTS)
        .slice(0, perGym)
        .sort(([a], [b]) => a.localeCompare(b));
      for (const [startTime, endTime] of slots) {
        const kind = random.pick(KINDS);
        const maxCapacity = random.int(...kind.capacity);
        lessons.push({ gym, type: kind.type, creditCount: kind.creditCount, maxCapacity, startDate, startTime, endTime });
      }
    }
  }
  return lessons;
}
