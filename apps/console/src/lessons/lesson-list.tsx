import {
  CreateButton,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { GYM_CHOICES, LESSON_TYPE_CHOICES } from './lesson-choices';

const filters = [
  <DateInput key="from" source="from" alwaysOn helperText="console.lessons.fromHelp" />,
  <DateInput key="to" source="to" alwaysOn helperText={false} />,
  <SelectInput key="gym" source="gym" choices={GYM_CHOICES} alwaysOn />,
  <SelectInput key="type" source="type" choices={LESSON_TYPE_CHOICES} alwaysOn />,
];

interface LessonRow {
  reservedCount: number;
  maxCapacity: number;
  canceledAt: string | null;
}

/** Lessons by date range (the original admin's range filter), gym and type, oldest first. */
export function LessonList() {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      sort={{ field: 'startDate', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(record) => (record.canceledAt ? { opacity: 0.5 } : {})}>
        <TextField source="startDate" sortable={false} />
        <FunctionField source="startTime" sortable={false} render={(lesson) => `${lesson.startTime}–${lesson.endTime}`} />
        <SelectField source="gym" choices={GYM_CHOICES} sortable={false} />
        <SelectField source="type" choices={LESSON_TYPE_CHOICES} sortable={false} />
        <FunctionField
          source="reservedCount"
          sortable={false}
          render={(lesson: LessonRow) =>
            lesson.canceledAt ? translate('console.lessons.canceled') : `${lesson.reservedCount}/${lesson.maxCapacity}`
          }
        />
        <NumberField source="waitlistLength" sortable={false} />
        <NumberField source="creditCount" sortable={false} />
      </Datagrid>
    </List>
  );
}
