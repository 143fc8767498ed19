/**
 * Whether giving this task to this member needs a warning first: public-facing ("exposing")
 * work for someone who marked themselves as inside the country. Members who have not said are
 * not assumed to be inside (the UI shows them as "not said").
 */
export const needsExposureWarning = (
  task: { readonly exposing: boolean },
  assigneeInsideCountry: boolean | undefined,
): boolean => task.exposing && assigneeInsideCountry === true;
