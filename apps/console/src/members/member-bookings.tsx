import { useState } from 'react';
import { Button, useInfiniteGetList, useTranslate } from 'react-admin';
import LinearProgress from '@mui/material/LinearProgress';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import { CancelBookingButton } from '../shared/cancel-booking-button';
import { formatInstant, useGymClock } from '../shared/gym-clock';

type Status = 'upcoming' | 'past' | 'cancelled';

interface Booking {
  id: number;
  status: 'booked' | 'cancelled';
  lesson: { id: number; gym: string; type: string; startDate: string; startTime: string };
  bookedAt: string;
  cancelledAt: string | null;
  creditsSpent: number;
  creditsRefunded: number | null;
}

const STATUS_LABELS: Record<Status, string> = {
  upcoming: 'console.members.statusUpcoming',
  past: 'console.members.statusPast',
  cancelled: 'console.members.statusCancelled',
};

/** A member's bookings by status, a page at a time ("more" follows the API's cursor). */
export function MemberBookings({ userId, onChange }: { userId: number; onChange: () => void }) {
  const translate = useTranslate();
  const clock = useGymClock();
  const [status, setStatus] = useState<Status>('upcoming');
  const { data, isPending, hasNextPage, fetchNextPage, isFetchingNextPage, refetch } = useInfiniteGetList<Booking>('member-bookings', {
    filter: { userId, status },
    pagination: { page: 1, perPage: 20 },
  });
  const bookings = data?.pages.flatMap((page) => page.data) ?? [];
  const changed = () => {
    void refetch();
    onChange();
  };
  return (
    <>
      <Tabs value={status} onChange={(_, value: Status) => setStatus(value)}>
        {(Object.keys(STATUS_LABELS) as Status[]).map((value) => (
          <Tab key={value} value={value} label={translate(STATUS_LABELS[value])} />
        ))}
      </Tabs>
      {isPending ? (
        <LinearProgress />
      ) : bookings.length === 0 ? (
        <Typography sx={{ p: 2 }}>{translate('console.members.noBookings')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('console.members.bookings')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.member-bookings.fields.lesson')}</TableCell>
              <TableCell>{translate('resources.member-bookings.fields.bookedAt')}</TableCell>
              <TableCell align="right">{translate('resources.member-bookings.fields.creditsSpent')}</TableCell>
              <TableCell align="right">{translate('resources.member-bookings.fields.creditsRefunded')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {bookings.map((booking) => (
              <TableRow key={booking.id}>
                <TableCell>
                  <Link to={`/lessons/${booking.lesson.id}/show`}>
                    {booking.lesson.startDate} {booking.lesson.startTime} · {translate(`choices.gym.${booking.lesson.gym}`)} ·{' '}
                    {translate(`choices.lessonType.${booking.lesson.type}`)}
                  </Link>
                </TableCell>
                <TableCell>{formatInstant(booking.bookedAt, clock?.timeZone)}</TableCell>
                <TableCell align="right">{booking.creditsSpent}</TableCell>
                <TableCell align="right">{booking.creditsRefunded ?? ''}</TableCell>
                <TableCell align="right">
                  {booking.status === 'booked' ? (
                    <CancelBookingButton bookingId={booking.id} onDone={changed} />
                  ) : (
                    formatInstant(booking.cancelledAt, clock?.timeZone)
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {hasNextPage ? <Button label="console.members.more" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()} /> : null}
    </>
  );
}
