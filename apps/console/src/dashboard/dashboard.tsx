import { Link, Title, useGetList, useTranslate } from 'react-admin';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { formatInstant, useGymClock } from '../shared/gym-clock';

interface TodayLesson {
  id: number;
  gym: string;
  type: string;
  startTime: string;
  endTime: string;
  maxCapacity: number;
  reservedCount: number;
  waitlistLength: number;
  canceledAt: string | null;
}

interface FailedTask {
  id: string;
  queue: string;
  name: string;
  failedAt: string | null;
  error: string | null;
  attempts: number;
}

function TodayLessons({ today }: { today: string }) {
  const translate = useTranslate();
  // One page of up to 100: a gym's day holds far fewer lessons
  const { data = [], isPending } = useGetList<TodayLesson>('lessons', {
    filter: { from: today, to: today },
    pagination: { page: 1, perPage: 100 },
  });
  if (isPending) return <LinearProgress />;
  if (data.length === 0) return <Typography>{translate('console.dashboard.noLessons')}</Typography>;
  return (
    <Table size="small" aria-label={translate('console.dashboard.today', { date: today })}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.lessons.fields.startTime')}</TableCell>
          <TableCell>{translate('resources.lessons.fields.gym')}</TableCell>
          <TableCell>{translate('resources.lessons.fields.type')}</TableCell>
          <TableCell>{translate('console.dashboard.fill')}</TableCell>
          <TableCell align="right">{translate('resources.lessons.fields.waitlistLength')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((lesson) => {
          const fill = lesson.maxCapacity === 0 ? 0 : Math.round((lesson.reservedCount / lesson.maxCapacity) * 100);
          return (
            <TableRow key={lesson.id} sx={lesson.canceledAt ? { opacity: 0.5 } : undefined}>
              <TableCell>
                <Link to={`/lessons/${lesson.id}/show`}>
                  {lesson.startTime}–{lesson.endTime}
                </Link>
              </TableCell>
              <TableCell>{translate(`choices.gym.${lesson.gym}`)}</TableCell>
              <TableCell>
                {translate(`choices.lessonType.${lesson.type}`)}
                {lesson.canceledAt ? ` (${translate('console.lessons.canceled')})` : ''}
              </TableCell>
              <TableCell sx={{ minWidth: 160 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <LinearProgress variant="determinate" value={fill} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
                  <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                    {lesson.reservedCount}/{lesson.maxCapacity} ({fill}%)
                  </Typography>
                </Box>
              </TableCell>
              <TableCell align="right">{lesson.waitlistLength}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function FailedJobs({ timeZone }: { timeZone: string }) {
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<FailedTask>('failed-tasks', {
    filter: { state: 'failed' },
    pagination: { page: 1, perPage: 10 },
  });
  if (isPending) return <LinearProgress />;
  if (data.length === 0) return <Typography>{translate('console.dashboard.noFailedJobs')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.failed-tasks.fields.failedAt')}</TableCell>
          <TableCell>{translate('resources.failed-tasks.fields.queue')}</TableCell>
          <TableCell>{translate('resources.failed-tasks.fields.name')}</TableCell>
          <TableCell>{translate('resources.failed-tasks.fields.error')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((task) => (
          <TableRow key={task.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatInstant(task.failedAt, timeZone)}</TableCell>
            <TableCell>{task.queue}</TableCell>
            <TableCell>{task.name}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{task.error}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The first page: how full today's lessons are, and whether any background job failed. */
export function Dashboard() {
  const translate = useTranslate();
  const clock = useGymClock();
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { md: '3fr 2fr' } }}>
      <Title title="ra.page.dashboard" />
      <Card>
        <CardHeader
          title={clock ? translate('console.dashboard.today', { date: clock.today }) : ''}
          subheader={clock ? translate('console.dashboard.timeZone', { timeZone: clock.timeZone }) : ''}
        />
        <CardContent>{clock ? <TodayLessons today={clock.today} /> : <LinearProgress />}</CardContent>
      </Card>
      <Card>
        <CardHeader title={translate('console.dashboard.failedJobs')} />
        <CardContent>
          {clock ? <FailedJobs timeZone={clock.timeZone} /> : <LinearProgress />}
          <Box sx={{ mt: 2 }}>
            <a href="/admin/queues" target="_blank" rel="noopener">
              {translate('console.dashboard.queueDashboard')} <OpenInNewIcon fontSize="inherit" />
            </a>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
