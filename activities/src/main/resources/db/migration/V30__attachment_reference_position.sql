-- The order a notification named its attachments in (an email attaches them in that order).
alter table attachment_reference add column position int not null default 0;
