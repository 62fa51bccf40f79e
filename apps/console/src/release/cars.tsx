import {
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
  maxValue,
  minValue,
  required,
} from 'react-admin';

/** The fleet: each car with its numbered pallets. */
export function CarList() {
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
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="carNumber" sortable={false} />
        <TextField source="type" sortable={false} />
        <NumberField source="palletCount" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** A car and its pallets 1..n; a number already in use is refused beside the field (CAR_NUMBER_TAKEN). */
export function CarCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="carNumber" validate={required()} />
        <TextInput source="type" validate={required()} />
        <NumberInput source="palletCount" validate={[required(), minValue(1), maxValue(60)]} />
      </SimpleForm>
    </Create>
  );
}
