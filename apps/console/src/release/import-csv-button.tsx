import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MuiButton from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ConsoleActions } from '../api/data-provider';
import { errorCode, type ConsoleErrorBody } from '../api/api-error';
import { isHttpError } from '../api/http';

type LineError = NonNullable<ConsoleErrorBody['lines']>[number];

/**
 * Imports a day's order lines from a CSV file (or pasted text). The API takes all lines or none:
 * a refusal lists each bad line here, and the text stays in the dialog to fix and send again.
 */
export function ImportCsvButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleActions & ReturnType<typeof useDataProvider>>();
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [lines, setLines] = useState<LineError[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };
  const send = async () => {
    setBusy(true);
    setLines([]);
    setProblem(undefined);
    try {
      const { created } = await dataProvider.importOrderLines(csv);
      notify(translate('console.release.imported', { count: created }), { type: 'success' });
      setOpen(false);
      setCsv('');
      refresh();
    } catch (error) {
      if (errorCode(error) === 'INVALID_CSV' && isHttpError(error)) {
        setLines((error.body as ConsoleErrorBody).lines ?? []);
        setProblem(translate('console.release.importRefused'));
      } else {
        setProblem((error as Error).message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="console.release.import" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('console.release.import')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.release.importHelp')}</DialogContentText>
          <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />} sx={{ mb: 2 }}>
            {translate('console.release.file')}
            <input hidden type="file" accept=".csv,text/csv" name="csv-file" onChange={(event) => void readFile(event.target.files?.[0])} />
          </MuiButton>
          <TextField
            fullWidth
            multiline
            minRows={6}
            maxRows={16}
            name="csv"
            label="CSV"
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          {problem ? (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {problem}
            </Alert>
          ) : null}
          {lines.length > 0 ? (
            <Table size="small" aria-label={translate('console.release.importRefused')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('console.release.line')}</TableCell>
                  <TableCell>{translate('console.release.field')}</TableCell>
                  <TableCell>{translate('console.release.problem')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lines.map((line) => (
                  <TableRow key={`${line.line}-${line.field}`}>
                    <TableCell>{line.line}</TableCell>
                    <TableCell>{line.field}</TableCell>
                    <TableCell>{line.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || csv.trim() === ''} onClick={send}>
            {translate('console.release.import')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
