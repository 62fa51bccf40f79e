import {
  Create,
  DateInput,
  Edit,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minValue,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import Typography from '@mui/material/Typography';
import { GYM_CHOICES, LESSON_TYPE_CHOICES } from './lesson-choices';

const timeInput = { type: 'time', slotProps: { inputLabel: { shrink: true } } } as const;

/** A new lesson; the API refuses an end before the start (INVALID_END_TIME) beside the field. */
export function LessonCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <SelectInput source="gym" choices={GYM_CHOICES} validate={required()} />
        <SelectInput source="type" choices={LESSON_TYPE_CHOICES} validate={required()} />
        <NumberInput source="creditCount" validate={[required(), minValue(1)]} />
        <NumberInput source="maxCapacity" validate={[required(), minValue(1)]} />
        <DateInput source="startDate" validate={required()} />
        <TextInput source="startTime" validate={required()} {...timeInput} />
        <TextInput source="endTime" validate={required()} {...timeInput} />
      </SimpleForm>
    </Create>
  );
}

function LessonHeading() {
  const lesson = useRecordContext<{ startDate: string; gym: string; type: string }>();
  const translate = useTranslate();
  if (!lesson) return null;
  return (
    <Typography variant="h6" gutterBottom>
      {lesson.startDate} · {translate(`choices.gym.${lesson.gym}`)} · {translate(`choices.lessonType.${lesson.type}`)}
    </Typography>
  );
}

/**
 * Capacity and times only: what members bought (gym, type, credits, date) does not change. A lower
 * capacity than the bookings is refused (CAPACITY_BELOW_BOOKED); a higher one promotes waiting members.
 */
export function LessonEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <LessonHeading />
        <NumberInput source="maxCapacity" validate={[required(), minValue(1)]} />
        <TextInput source="startTime" validate={required()} {...timeInput} />
        <TextInput source="endTime" validate={required()} {...timeInput} />
      </SimpleForm>
    </Edit>
  );
}
