-- delivery_batch (notification_id, channel, recipient_seq) serves every lookup by notification_id,
-- so the index on notification_id alone only cost a write per delivery (a group snapshot inserts
-- one per member and channel).

drop index delivery_notification_id;
