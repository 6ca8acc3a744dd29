/**
 * The type of a test event ("Send test event" in the portal): sent to one endpoint only, whatever
 * types it subscribed to, with `"data": {}`. It is not one of EVENT_TYPES, is never stored as an
 * Event (GET /api/events does not list it) and is tried once, not retried. Browser-safe.
 */
export const TEST_EVENT_TYPE = "endpoint.test";
