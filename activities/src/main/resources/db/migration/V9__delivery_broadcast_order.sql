-- A broadcast's deliveries in audience order (channel, then member number): the detail view lists
-- its first 1000 from an index range instead of sorting all of them (100,000 rows: 38 ms -> 0.2 ms).
-- If V8 creates the same index under another name, drop this one.
create index if not exists delivery_notification_channel_seq on delivery (notification_id, channel, recipient_seq);
