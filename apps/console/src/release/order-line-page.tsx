import {
  Datagrid,
  DateInput,
  List,
  NumberField,
  TextField,
  TopToolbar,
  FunctionField,
  useGetList,
  useListContext,
  useTranslate,
} from 'react-admin';
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

/** `78다9012 · 1`: the car and pallet an order line is loaded on that day. */
function PalletName({ palletId }: { palletId: number | null }) {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const { data = [] } = useGetList<{ id: number; carNumber: string; seq: number }>('pallet-labels', { filter: { ymd: filterValues.ymd } });
  if (palletId === null) return <>{translate('console.release.unloaded')}</>;
  const pallet = data.find((candidate) => candidate.id === palletId);
  return <>{pallet ? `${pallet.carNumber} · ${pallet.seq}` : `#${palletId}`}</>;
}

/** A release day: its order lines, importing more from CSV, loading them onto pallets, printing the sheet. */
export function OrderLinePage() {
  const clock = useGymClock();
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
        <FunctionField source="palletId" render={(line: { palletId: number | null }) => <PalletName palletId={line.palletId} />} />
      </Datagrid>
    </List>
  );
}
