-- Content by reference (issue 23): the door keeps what a notification sends (inline subject and body, or the
-- template's variables) before it starts the workflow, whose input and batches then carry only a key. So a row
-- exists before the delivery log's notification row, and its key is the request's SHA-256 too: a different
-- request under the same idempotency key writes a row of its own, which nothing reads, instead of the one the
-- notification sends. Rows kept by a batch that carried its content inline (before this) have the key ''.
alter table notification_content drop constraint notification_content_notification_id_fkey;
alter table notification_content add column request_hash text not null default '';
alter table notification_content drop constraint notification_content_pkey;
alter table notification_content add primary key (notification_id, request_hash);
-- The sweep of rows whose notification the delivery log never recorded (its start failed and was not repeated).
create index notification_content_created_at on notification_content (created_at);
