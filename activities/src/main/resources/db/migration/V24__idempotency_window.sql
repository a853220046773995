-- Keys outlive Temporal's retention (issue 21): the request's SHA-256 is kept with its notification, so a repeat
-- or a reuse of the key is told apart from the delivery log alone for herald.api.idempotency-window after the
-- notification finished. Null for notifications logged before (their hash is only in the workflow's memo).
alter table notification add column request_hash text;
-- The API's one lookup per request: a sender's latest notification under a key. Its leading column serves
-- whatever V15's index did.
create index notification_key_sender on notification (idempotency_key, sender, created_at desc);
drop index notification_idempotency_key;
