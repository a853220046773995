-- Broadcasts to a recipient group: the audience is fixed in the delivery log when the notification is
-- accepted (one PENDING delivery per member and channel), numbered so the workflow sends it in ranges.

alter table notification add column group_key text;        -- the recipient group broadcast to; null for lists

alter table delivery add column recipient_seq integer;      -- the member's number in the audience, 0..n-1
alter table delivery add column recipient_id  text collate "C"; -- the member's external id (recipient.external_id)
alter table delivery add column claimed_at    timestamptz;  -- when a batch last took it to send

-- A batch loads and counts its range: (notification, channel, seq from..to).
create index delivery_batch on delivery (notification_id, channel, recipient_seq);
