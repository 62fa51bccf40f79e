import { BooleanField, Labeled, Show, TextField, TopToolbar, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import { GrantCreditsButton } from './grant-credits-button';
import { MemberAccountActions } from './member-account-actions';
import { MemberBookings } from './member-bookings';
import { MemberBalance, MemberLedger } from './member-credits';

function Actions() {
  const member = useRecordContext<{ id: number }>();
  const refresh = useRefresh();
  return (
    <TopToolbar>
      {member ? <GrantCreditsButton userId={member.id} onDone={refresh} /> : null}
      <MemberAccountActions />
    </TopToolbar>
  );
}

function MemberSections() {
  const member = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const refresh = useRefresh();
  if (!member) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, p: 2, gridTemplateColumns: { lg: '1fr 1fr' } }}>
      <Card variant="outlined">
        <CardHeader title={translate('console.members.balance')} />
        <CardContent>
          <MemberBalance userId={member.id} />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardHeader title={translate('console.members.bookings')} />
        <CardContent>
          <MemberBookings userId={member.id} onChange={refresh} />
        </CardContent>
      </Card>
      <Card variant="outlined" sx={{ gridColumn: { lg: '1 / span 2' } }}>
        <CardHeader title={translate('console.members.ledger')} />
        <CardContent>
          <MemberLedger userId={member.id} />
        </CardContent>
      </Card>
    </Box>
  );
}

/** A member's page: account, balance by purchase, bookings, ledger, and what staff may do for them. */
export function MemberShow() {
  return (
    <Show actions={<Actions />}>
      <Box sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 3 }}>
        <Labeled>
          <TextField source="username" />
        </Labeled>
        <Labeled>
          <TextField source="phoneNumber" />
        </Labeled>
        <Labeled>
          <TextField source="email" emptyText="—" />
        </Labeled>
        <Labeled>
          <BooleanField source="isStaff" />
        </Labeled>
        <Labeled>
          <BooleanField source="isActive" />
        </Labeled>
      </Box>
      <MemberSections />
    </Show>
  );
}
