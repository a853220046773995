-- A notification's references outlive their release: released_at marks when it stopped holding the attachment
-- (final with nothing to re-drive), so its page still lists what it carried. Only unreleased ones hold a file.
alter table attachment_reference add column released_at timestamptz;
create index attachment_reference_holding on attachment_reference (attachment_id) where released_at is null;
