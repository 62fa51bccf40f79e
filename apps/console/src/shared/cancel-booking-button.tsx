import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import MuiButton from '@mui/material/Button';
import { ActionError } from './action-error';
import { useDialogAction } from './use-dialog-action';

/**
 * Cancels a member's booking for them: by the refund rules (`tier`, 0 on the lesson day) or in full.
 * The notice says what came back, from the API's answer.
 */
export function CancelBookingButton({ bookingId, onDone }: { bookingId: number; onDone: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const dialog = useDialogAction();
  const [refund, setRefund] = useState<'tier' | 'full'>('tier');
  const cancel = () =>
    dialog.run(async () => {
      const { data } = await dataProvider.delete('reservations', { id: bookingId, meta: { refund } });
      onDone();
      return translate('console.members.cancelled', { count: (data as { creditsRefunded?: number }).creditsRefunded ?? 0 });
    });
  return (
    <>
      <Button label="console.members.cancelBooking" color="error" onClick={dialog.show} />
      <Dialog open={dialog.open} onClose={dialog.close} aria-labelledby={`cancel-booking-${bookingId}`}>
        <DialogTitle id={`cancel-booking-${bookingId}`}>{translate('console.members.cancelBooking')}</DialogTitle>
        <DialogContent>
          <RadioGroup value={refund} onChange={(event) => setRefund(event.target.value as 'tier' | 'full')}>
            <FormControlLabel value="tier" control={<Radio />} label={translate('console.members.refundTier')} />
            <FormControlLabel value="full" control={<Radio />} label={translate('console.members.refundFull')} />
          </RadioGroup>
          <ActionError message={dialog.refusal} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={dialog.close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color="error" variant="contained" disabled={dialog.busy} onClick={cancel}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
