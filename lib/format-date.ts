/**
 * How the portal shows a moment: in UTC, the time zone of every API timestamp, so that what
 * staff read matches what partners' systems hold. Browser-safe.
 */
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateTimeWithSeconds = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** `25 Nov 2026, 13:41` (UTC). */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** `25 Nov 2026, 13:41:15` (UTC), for audit events. */
export function formatDateTimeWithSeconds(date: Date): string {
  return dateTimeWithSeconds.format(date);
}

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * `7 Nov 1985`, from an ISO date or date-time as a form or the API holds it (`1985-11-07`,
 * `1985-11-07T00:00:00Z`): a calendar date, read in UTC. Text that is no date is shown as given.
 */
export function formatDate(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}
