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
