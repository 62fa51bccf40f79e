import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MuiButton from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { ConsoleActions } from '../api/data-provider';
import { ActionError } from '../shared/action-error';

/** Cancels the whole lesson with a reason: every booking refunded in full, every member emailed. */
export function CancelLessonButton() {
  const lesson = useRecordContext<{ id: number; canceledAt: string | null }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleActions & ReturnType<typeof useDataProvider>>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  if (!lesson || lesson.canceledAt) return null;
  const cancel = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const result = (await dataProvider.cancelLesson(lesson.id, reason.trim())) as { refundedBookings?: number };
      notify(translate('console.lessons.lessonCancelled', { count: result.refundedBookings ?? 0 }), { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="console.lessons.cancelLesson" color="error" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
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
          <ActionError message={refusal} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color="error" variant="contained" disabled={busy || reason.trim() === ''} onClick={cancel}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
