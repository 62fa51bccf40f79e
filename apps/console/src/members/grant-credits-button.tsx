import { useState } from 'react';
import {
  Button,
  DateInput,
  NumberInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  minValue,
  required,
  useCreate,
  useNotify,
  useTranslate,
} from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { ActionError } from '../shared/action-error';
import { useGymClock } from '../shared/gym-clock';

interface GrantForm {
  creditCount: number;
  startDate: string;
  endDate: string;
  reason: string;
}

/**
 * Gives a member credits with a reason (a goodwill gesture, a correction): a `grant` entry in the
 * ledger that counts and expires like a purchase, recorded in the audit log with the reason.
 */
export function GrantCreditsButton({ userId, onDone }: { userId: number; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const clock = useGymClock();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [create, { isPending }] = useCreate();
  const grant = (values: Record<string, unknown>) =>
    create(
      'grants',
      { data: { ...(values as unknown as GrantForm), userId } },
      {
        returnPromise: true,
        onSuccess: (credit) => {
          notify(translate('console.members.granted', { count: (credit as { count: number }).count }), { type: 'success' });
          setOpen(false);
          onDone();
        },
      },
    ).then(
      // a form's submit answers its errors: nothing on success (the created entry is not one)
      () => undefined,
      (error: { body?: { errors?: Record<string, string> }; message: string }) => {
        setRefusal(error.message);
        return error.body?.errors;
      },
    );
  return (
    <>
      <Button
        label="console.members.grant"
        onClick={() => {
          setRefusal(undefined);
          setOpen(true);
        }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('console.members.grant')}</DialogTitle>
        <DialogContent>
          <ActionError message={refusal} />
          <SimpleForm
            resource="grants"
            onSubmit={grant}
            // its own record: inside the member's page the form would otherwise start from the member
            record={{ startDate: clock?.today }}
            toolbar={
              <Toolbar>
                <SaveButton label="console.members.grant" disabled={isPending} alwaysEnable />
              </Toolbar>
            }
          >
            <NumberInput source="creditCount" validate={[required(), minValue(1)]} />
            <DateInput source="startDate" validate={required()} />
            <DateInput source="endDate" validate={required()} />
            <TextInput source="reason" validate={required()} fullWidth />
          </SimpleForm>
        </DialogContent>
      </Dialog>
    </>
  );
}
