import { BooleanField, BooleanInput, Datagrid, List, NumberField, SearchInput, TextField, useTranslate } from 'react-admin';
import { InstantField } from '../shared/instant-field';

function memberFilters(searchLabel: string) {
  return [
    <SearchInput key="search" source="search" alwaysOn placeholder={searchLabel} />,
    <BooleanInput key="isStaff" source="isStaff" />,
    <BooleanInput key="isActive" source="isActive" />,
  ];
}

/** Members found by the start of a username or phone number, a page at a time. */
export function MemberList() {
  const translate = useTranslate();
  return (
    <List filters={memberFilters(translate('resources.members.fields.search'))} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="username" sortable={false} />
        <TextField source="phoneNumber" sortable={false} />
        <NumberField source="balance" sortable={false} />
        <BooleanField source="isStaff" sortable={false} />
        <BooleanField source="isActive" sortable={false} />
        <InstantField source="createdAt" sortable={false} />
      </Datagrid>
    </List>
  );
}
