import {
  EditButton,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import { CancelBookingButton } from '../shared/cancel-booking-button';
import { formatInstant, useGymClock } from '../shared/gym-clock';
import { InstantField } from '../shared/instant-field';
import { CancelLessonButton } from './cancel-lesson-button';
import { GYM_CHOICES, LESSON_TYPE_CHOICES } from './lesson-choices';

interface Person {
  id: number;
  username: string;
  phoneNumber?: string;
}

interface LessonDetail {
  id: number;
  canceledAt: string | null;
  reservations?: Array<{ id: number; type: 'reserve' | 'cancel'; createdAt: string; canceledAt: string | null; user: Person }>;
  waitlist?: Array<{ position: number; createdAt: string; user: Person }>;
}

function MemberLink({ user }: { user: Person }) {
  return <Link to={`/members/${user.id}/show`}>{user.username}</Link>;
}

/** Members holding a seat now (a cancelled booking leaves the roster), each cancellable for them. */
function Roster() {
  const lesson = useRecordContext<LessonDetail>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const clock = useGymClock();
  if (!lesson) return null;
  const seated = (lesson.reservations ?? []).filter((entry) => entry.type === 'reserve' && entry.canceledAt === null);
  return (
    <Card variant="outlined" sx={{ flex: 2 }}>
      <CardHeader title={`${translate('console.lessons.roster')} (${seated.length})`} />
      <CardContent>
        {seated.length === 0 ? (
          <Typography>{translate('console.lessons.emptyRoster')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('console.lessons.roster')}>
            <TableBody>
              {seated.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>
                    <MemberLink user={entry.user} />
                  </TableCell>
                  <TableCell>{entry.user.phoneNumber}</TableCell>
                  <TableCell>{formatInstant(entry.createdAt, clock?.timeZone)}</TableCell>
                  <TableCell align="right">
                    {lesson.canceledAt ? null : <CancelBookingButton bookingId={entry.id} onDone={refresh} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function Waitlist() {
  const lesson = useRecordContext<LessonDetail>();
  const translate = useTranslate();
  const clock = useGymClock();
  const waiting = lesson?.waitlist ?? [];
  return (
    <Card variant="outlined" sx={{ flex: 1 }}>
      <CardHeader title={`${translate('console.lessons.waitlist')} (${waiting.length})`} />
      <CardContent>
        {waiting.length === 0 ? (
          <Typography>{translate('console.lessons.emptyWaitlist')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('console.lessons.waitlist')}>
            <TableBody>
              {waiting.map((entry) => (
                <TableRow key={entry.user.id}>
                  <TableCell>{entry.position}</TableCell>
                  <TableCell>
                    <MemberLink user={entry.user} />
                  </TableCell>
                  <TableCell>{entry.user.phoneNumber}</TableCell>
                  <TableCell>{formatInstant(entry.createdAt, clock?.timeZone)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function LessonActions() {
  const lesson = useRecordContext<LessonDetail>();
  return (
    <TopToolbar>
      {lesson && !lesson.canceledAt ? <EditButton /> : null}
      <CancelLessonButton />
    </TopToolbar>
  );
}

/** One lesson: its numbers, who holds a seat, who waits; edit, cancel a booking, cancel the lesson. */
export function LessonShow() {
  const translate = useTranslate();
  return (
    <Show actions={<LessonActions />}>
      <Box sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 3 }}>
        <Labeled>
          <TextField source="startDate" />
        </Labeled>
        <Labeled>
          <TextField source="startTime" />
        </Labeled>
        <Labeled>
          <TextField source="endTime" />
        </Labeled>
        <Labeled>
          <SelectField source="gym" choices={GYM_CHOICES} />
        </Labeled>
        <Labeled>
          <SelectField source="type" choices={LESSON_TYPE_CHOICES} />
        </Labeled>
        <Labeled>
          <NumberField source="creditCount" />
        </Labeled>
        <Labeled>
          <NumberField source="maxCapacity" />
        </Labeled>
        <Labeled>
          <NumberField source="reservedCount" />
        </Labeled>
        <Labeled>
          <NumberField source="seatsLeft" />
        </Labeled>
        <CanceledAt label={translate('resources.lessons.fields.canceledAt')} />
      </Box>
      <Box sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <Roster />
        <Waitlist />
      </Box>
    </Show>
  );
}

function CanceledAt({ label }: { label: string }) {
  const lesson = useRecordContext<LessonDetail>();
  if (!lesson?.canceledAt) return null;
  return (
    <Labeled label={label}>
      <InstantField source="canceledAt" />
    </Labeled>
  );
}
