-- Every notification, to a list or to a group, fixes its audience the same way: one delivery per
-- member and channel, numbered by member (recipient_seq), with what the member's sends need.

alter table delivery add column locale     text;  -- the member's locale at acceptance (templates, voice)
alter table delivery add column push_token text;  -- a push token the request named for the member

-- Deliveries of lists logged before: their ids already end in the member's number.
update delivery set recipient_seq = split_part(id, '/', 3)::integer
where recipient_seq is null and split_part(id, '/', 3) ~ '^[0-9]{1,9}$';
