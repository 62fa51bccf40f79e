import { MAX_MAILING_KEY_LENGTH } from '@app/jobs';
import { GymLocation, LessonType } from '../lessons/lesson.entity';
import { describeLesson, reminderKey, reminderMailing } from './booking-reminder';

describe('booking reminder', () => {
  it('keys a reminder by day and member, within the mailing key limit even for the largest user id', () => {
    expect(reminderKey('2030-01-11', 42)).toBe('reminder-2030-01-11-42');
    expect(reminderKey('2030-01-11', 42)).toBe(reminderKey('2030-01-11', 42));
    expect(reminderKey('2030-01-11', 42)).not.toBe(reminderKey('2030-01-12', 42));
    expect(reminderKey('2030-01-11', 4_294_967_295).length).toBeLessThanOrEqual(MAX_MAILING_KEY_LENGTH);
  });

  it.each([
    [{ type: LessonType.Yoga, gym: GymLocation.Seoul, startTime: '19:00', endTime: '20:00' }, 'Yoga, Seoul, 19:00-20:00'],
    [{ type: LessonType.Crossfit, gym: GymLocation.Busan, startTime: '07:30', endTime: '08:15' }, 'Crossfit, Busan, 07:30-08:15'],
  ])('describes a lesson by type, gym and times: %o', (lesson, line) => {
    expect(describeLesson({ id: 1, ...lesson })).toBe(line);
  });

  it('addresses one member and lists each of their lessons on its own line, in the order given', () => {
    const mailing = reminderMailing('2030-01-11', {
      userId: 7,
      username: 'mina',
      email: 'mina@example.com',
      lessons: [
        { id: 3, type: LessonType.Swim, gym: GymLocation.Busan, startTime: '07:00', endTime: '08:00' },
        { id: 1, type: LessonType.Yoga, gym: GymLocation.Seoul, startTime: '19:00', endTime: '20:00' },
      ],
    });
    expect(mailing).toEqual({
      recipients: ['mina@example.com'],
      subject: 'Your bookings for tomorrow, 2030-01-11',
      body: [
        'Hello mina,',
        '',
        'You are booked for tomorrow, 2030-01-11:',
        '- Swim, Busan, 07:00-08:00',
        '- Yoga, Seoul, 19:00-20:00',
        '',
        'See you at the gym.',
      ].join('\n'),
    });
  });
});
