import { useState } from 'react';
import { Button, useDataProvider, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MuiButton from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { ConsoleActions } from '../api/data-provider';
import { ActionError } from '../shared/action-error';
import { useDialogAction } from '../shared/use-dialog-action';

/** Cancels the whole lesson with a reason: every booking refunded in full, every member emailed. */
export function CancelLessonButton() {
  const lesson = useRecordContext<{ id: number; canceledAt: string | null }>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleActions & ReturnType<typeof useDataProvider>>();
  const dialog = useDialogAction();
  const [reason, setReason] = useState('');
  if (!lesson || lesson.canceledAt) return null;
  const cancel = () =>
    dialog.run(async () => {
      const result = (await dataProvider.cancelLesson(lesson.id, reason.trim())) as { refundedBookings?: number };
      refresh();
      return translate('console.lessons.lessonCancelled', { count: result.refundedBookings ?? 0 });
    });
  return (
    <>
      <Button label="console.lessons.cancelLesson" color="error" onClick={dialog.show} />
      <Dialog open={dialog.open} onClose={dialog.close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('console.lessons.cancelLesson')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.lessons.cancelLessonHelp')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            required
            name="reason"
            label={translate('resources.lessons.fields.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <ActionError message={dialog.refusal} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={dialog.close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color="error" variant="contained" disabled={dialog.busy || reason.trim() === ''} onClick={cancel}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
