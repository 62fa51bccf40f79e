import { useState } from 'react';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import MuiButton from '@mui/material/Button';
import { ActionError } from './action-error';

/**
 * Cancels a member's booking for them: by the refund rules (`tier`, 0 on the lesson day) or in full.
 * The notice says what came back, from the API's answer.
 */
export function CancelBookingButton({ bookingId, onDone }: { bookingId: number; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  const [refund, setRefund] = useState<'tier' | 'full'>('tier');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const cancel = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const { data } = await dataProvider.delete('reservations', { id: bookingId, meta: { refund } });
      notify(translate('console.members.cancelled', { count: (data as { creditsRefunded?: number }).creditsRefunded ?? 0 }), {
        type: 'success',
      });
      setOpen(false);
      onDone();
    } catch (error) {
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="console.members.cancelBooking" color="error" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`cancel-booking-${bookingId}`}>
        <DialogTitle id={`cancel-booking-${bookingId}`}>{translate('console.members.cancelBooking')}</DialogTitle>
        <DialogContent>
          <RadioGroup value={refund} onChange={(event) => setRefund(event.target.value as 'tier' | 'full')}>
            <FormControlLabel value="tier" control={<Radio />} label={translate('console.members.refundTier')} />
            <FormControlLabel value="full" control={<Radio />} label={translate('console.members.refundFull')} />
          </RadioGroup>
          <ActionError message={refusal} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color="error" variant="contained" disabled={busy} onClick={cancel}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
