import {
  BooleanField,
  Create,
  CreateButton,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  minValue,
  required,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { ConfirmAction } from '../shared/confirm-action';

interface Policy {
  id: number;
  name: string;
  isActive: boolean;
}

/** Retiring takes a membership off sale; what members bought keeps its price, credits and period. */
function RetireButton() {
  const policy = useRecordContext<Policy>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [update] = useUpdate();
  if (!policy?.isActive) return null;
  return (
    <ConfirmAction
      label="console.policies.retire"
      color="warning"
      title="console.policies.retire"
      content={translate('console.policies.retireConfirm', { name: policy.name })}
      action={() =>
        update(
          'price-policies',
          { id: policy.id, data: { isActive: false }, previousData: policy },
          { mutationMode: 'pessimistic', returnPromise: true },
        )
      }
      success="console.policies.retired"
      onDone={refresh}
    />
  );
}

/** Every membership, on sale or retired (staff see both), cheapest first. */
export function PricePolicyList() {
  return (
    <List
      pagination={false}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false} rowSx={(record) => (record.isActive ? {} : { opacity: 0.5 })}>
        <TextField source="name" sortable={false} />
        <NumberField source="price" sortable={false} />
        <NumberField source="creditCount" sortable={false} />
        <NumberField source="periodDays" sortable={false} />
        <BooleanField source="isActive" sortable={false} />
        <RetireButton />
      </Datagrid>
    </List>
  );
}

export function PricePolicyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="name" validate={required()} />
        <NumberInput source="price" validate={[required(), minValue(0)]} />
        <NumberInput source="creditCount" validate={[required(), minValue(1)]} />
        <NumberInput source="periodDays" validate={[required(), minValue(1)]} />
      </SimpleForm>
    </Create>
  );
}
