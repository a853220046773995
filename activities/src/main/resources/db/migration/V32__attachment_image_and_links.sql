-- What a notification uses an attachment as: ATTACHMENT (a file its emails attach, a link its other messages carry,
-- in position order) or IMAGE (the one image its pushes and in-app items show). One id may be both.
alter table attachment_reference add column role text not null default 'ATTACHMENT';
alter table attachment_reference drop constraint attachment_reference_pkey;
alter table attachment_reference add primary key (attachment_id, notification_id, role);

-- Until when a download link a message carried works: an attachment released by its notification expires no
-- earlier, so a link in an SMS or an inbox item keeps working as long as it says.
alter table attachment add column linked_until timestamptz;

-- An in-app item's links as made when it was delivered: a link per attachment (a JSON list of {name, type, url},
-- as text) and its image's.
alter table inbox_item add column attachment_links text, add column image_url text;
