-- An idempotency key is its sender's (issue 18): two senders may use the same one, and their notifications
-- differ by id (notification-<sender>~<key>, the primary key). Unique on the key alone, the second one's row
-- was refused and its workflow failed. Not unique on (sender, key) either: a notification from before ids
-- named their sender (notification-<key>) and its retry after the upgrade are two rows of one sender and key.
alter table notification drop constraint notification_idempotency_key_key;
create index notification_idempotency_key on notification (idempotency_key);
