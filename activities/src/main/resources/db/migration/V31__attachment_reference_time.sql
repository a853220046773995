-- When a notification referenced an attachment: a reference to a notification the delivery log never recorded
-- (its start failed and was not repeated) stops holding the attachment after herald.attachments.unreferenced-ttl.
alter table attachment_reference add column referenced_at timestamptz not null default now();
