/** The API's enums as react-admin choices, labelled through the i18n catalogue. */
export const GYM_CHOICES = ['seoul', 'busan'].map((id) => ({ id, name: `choices.gym.${id}` }));
export const LESSON_TYPE_CHOICES = ['weight', 'crossfit', 'swim', 'yoga'].map((id) => ({ id, name: `choices.lessonType.${id}` }));
