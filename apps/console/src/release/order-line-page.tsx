import { Datagrid, DateInput, List, NumberField, TextField, TopToolbar, FunctionField, useListContext, useTranslate } from 'react-admin';
import LinearProgress from '@mui/material/LinearProgress';
import { useGymClock, ymdOf } from '../shared/gym-clock';
import { ImportCsvButton } from './import-csv-button';
import { LoadPalletButton } from './load-pallet-button';
import { OpenSheetButton } from './open-sheet-button';

const toIso = (ymd: string | undefined) =>
  ymd && ymd.length === 8 ? `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}` : (ymd ?? '');
const toYmd = (iso: string | null) => (iso ? ymdOf(iso) : '');

function Actions() {
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      <ImportCsvButton />
      <OpenSheetButton ymd={filterValues.ymd as string} />
    </TopToolbar>
  );
}

function BulkActions() {
  const { filterValues } = useListContext();
  return <LoadPalletButton ymd={filterValues.ymd as string} />;
}

/** A release day: its order lines, importing more from CSV, loading them onto pallets, printing the sheet. */
export function OrderLinePage() {
  const clock = useGymClock();
  const translate = useTranslate();
  if (!clock) return <LinearProgress />;
  return (
    <List
      filters={[<DateInput key="ymd" source="ymd" label="console.release.day" alwaysOn format={toIso} parse={toYmd} />]}
      filterDefaultValues={{ ymd: ymdOf(clock.today) }}
      sort={{ field: 'locationName', order: 'ASC' }}
      perPage={50}
      actions={<Actions />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={<BulkActions />} rowClick="toggleSelection">
        <TextField source="code" />
        <TextField source="codeName" />
        <TextField source="locationName" />
        <NumberField source="count" />
        <FunctionField
          source="palletId"
          render={(line: { palletId: number | null }) =>
            line.palletId === null ? translate('console.release.unloaded') : `#${line.palletId}`
          }
        />
      </Datagrid>
    </List>
  );
}
