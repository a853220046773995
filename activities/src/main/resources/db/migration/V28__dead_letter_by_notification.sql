-- A notification's dead letters, found by its id: whether any can still be re-driven decides when
-- what it sends (notification_content) is dropped.
create index dead_letter_notification on dead_letter (notification_id, status) where notification_id is not null;
