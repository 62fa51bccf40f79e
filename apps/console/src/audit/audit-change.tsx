import { useRecordContext, useTranslate } from 'react-admin';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

type State = Record<string, unknown> | null;

interface AuditEntry {
  before: State;
  after: State;
}

const show = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** An entry's before and after, field by field, the changed fields marked. */
export function AuditChange() {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (fields.length === 0) return <Box sx={{ p: 1 }}>{translate('console.audit.nothing')}</Box>;
  return (
    <Table size="small" sx={{ maxWidth: 900 }} aria-label={`${translate('console.audit.before')} / ${translate('console.audit.after')}`}>
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell>{translate('console.audit.before')}</TableCell>
          <TableCell>{translate('console.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((field) => {
          const [before, after] = [show(entry.before?.[field]), show(entry.after?.[field])];
          // an update's changed fields are marked; a creation or removal has only one side
          const changed = entry.before !== null && entry.after !== null && before !== after;
          return (
            <TableRow key={field} sx={changed ? { bgcolor: '#fff8e1' } : undefined}>
              <TableCell component="th" sx={{ fontWeight: changed ? 'bold' : undefined }}>
                {field}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-word' }}>
                {entry.before === null ? translate('console.audit.nothing') : before}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-word' }}>
                {entry.after === null ? translate('console.audit.nothing') : after}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
