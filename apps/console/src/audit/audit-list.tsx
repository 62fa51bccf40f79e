import { AutocompleteInput, Datagrid, List, NumberInput, ReferenceInput, SelectInput, TextField, useTranslate } from 'react-admin';
import { InstantField } from '../shared/instant-field';
import { AuditChange } from './audit-change';

/** The kinds of record staff writes touch (the `entity` of an audit entry). */
const ENTITIES = ['lesson', 'reservation', 'credit', 'user', 'price-policy', 'feed', 'poll', 'car', 'order-list', 'pallet', 'mailing'].map(
  (id) => ({
    id,
    name: id,
  }),
);

const filters = [
  <ReferenceInput key="actorId" source="actorId" reference="members" filter={{ isStaff: true }} alwaysOn>
    <AutocompleteInput
      label="resources.audit.fields.actorId"
      optionText="username"
      filterToQuery={(search) => ({ search })}
      sx={{ minWidth: 220 }}
    />
  </ReferenceInput>,
  <SelectInput key="entity" source="entity" choices={ENTITIES} alwaysOn />,
  <NumberInput key="entityId" source="entityId" />,
];

/** Every staff write, newest first, by staff member and record; each row opens its before and after. */
export function AuditList() {
  const translate = useTranslate();
  return (
    <List filters={filters} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<AuditChange />}>
        <InstantField source="createdAt" sortable={false} />
        <TextField source="actor.username" label={translate('resources.audit.fields.actor')} sortable={false} />
        <TextField source="action" sortable={false} />
        <TextField source="entity" sortable={false} />
        <TextField source="entityId" sortable={false} emptyText="—" />
        <TextField source="reason" sortable={false} emptyText="" />
      </Datagrid>
    </List>
  );
}
