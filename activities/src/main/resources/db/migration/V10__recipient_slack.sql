-- Slack: a recipient's Slack user id (U0123ABCD, W…) for a direct message, or a conversation id
-- (C…, G…, D…), used as the address of the SLACK channel.

alter table recipient add column slack text;
