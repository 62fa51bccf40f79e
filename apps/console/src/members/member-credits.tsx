import { useGetList, useGetOne, useTranslate } from 'react-admin';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatInstant, useGymClock } from '../shared/gym-clock';

interface Balance {
  id: number;
  balance: number;
  available: number;
  upcoming: number;
  buckets: Array<{ creditId: number; remaining: number; startDate: string; endDate: string }>;
}

interface LedgerEntry {
  id: number;
  type: string;
  count: number;
  startDate: string;
  endDate: string | null;
  message: string;
  createdAt: string;
}

/** The balance as the member's app shows it: what is usable now, what starts later, by purchase. */
export function MemberBalance({ userId }: { userId: number }) {
  const translate = useTranslate();
  const { data } = useGetOne<Balance>('balances', { id: userId });
  if (!data) return <LinearProgress />;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 4, mb: 1 }}>
        <Figure label={translate('console.members.balance')} value={data.balance} testId="balance" />
        <Figure label={translate('console.members.available')} value={data.available} testId="available" />
        <Figure label={translate('console.members.upcoming')} value={data.upcoming} testId="upcoming" />
      </Box>
      {data.buckets.length > 0 ? (
        <Table size="small" aria-label={translate('console.members.buckets')}>
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell align="right">{translate('resources.credits.fields.count')}</TableCell>
              <TableCell>{translate('resources.credits.fields.startDate')}</TableCell>
              <TableCell>{translate('resources.credits.fields.endDate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.buckets.map((bucket) => (
              <TableRow key={bucket.creditId}>
                <TableCell>{bucket.creditId}</TableCell>
                <TableCell align="right">{bucket.remaining}</TableCell>
                <TableCell>{bucket.startDate}</TableCell>
                <TableCell>{bucket.endDate}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

/** Every ledger entry, newest first: purchases, uses, refunds, grants, expiries. */
export function MemberLedger({ userId }: { userId: number }) {
  const translate = useTranslate();
  const clock = useGymClock();
  const { data = [], isPending } = useGetList<LedgerEntry>('credits', {
    filter: { userId },
    sort: { field: 'id', order: 'DESC' },
    pagination: { page: 1, perPage: 1000 },
  });
  if (isPending) return <LinearProgress />;
  return (
    <Table size="small" aria-label={translate('console.members.ledger')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.credits.fields.createdAt')}</TableCell>
          <TableCell>{translate('resources.credits.fields.type')}</TableCell>
          <TableCell align="right">{translate('resources.credits.fields.count')}</TableCell>
          <TableCell>{translate('resources.credits.fields.message')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatInstant(entry.createdAt, clock?.timeZone)}</TableCell>
            <TableCell>{translate(`choices.creditType.${entry.type}`, { _: entry.type })}</TableCell>
            <TableCell align="right">{entry.count > 0 ? `+${entry.count}` : entry.count}</TableCell>
            <TableCell>{entry.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
