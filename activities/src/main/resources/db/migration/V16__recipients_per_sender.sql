-- Recipients, groups, push devices and inbox items belong to a sender, their owner (issue 18): each
-- sender has its own space of recipient ids and group keys, so two senders' "user-42" are two
-- recipients that never see, collide with or reach each other, and no answer tells a sender that
-- another's id exists. owner is a sender identity, as notification.sender holds it.
--
-- Rows written before owners existed go to 'admin', the sender of the bootstrap admin key (the dev
-- kit's): every caller could reach them before, and an admin still does by naming owner=admin.
-- Inbox items go to the sender of their notification where it is still in the log.

alter table recipient add column owner text collate "C";
update recipient set owner = 'admin';
alter table recipient alter column owner set not null;

alter table recipient_group add column owner text collate "C";
update recipient_group set owner = 'admin';
alter table recipient_group alter column owner set not null;

-- A member is a recipient of the group's own sender: both of its keys carry the owner.
alter table group_member add column owner text collate "C";
update group_member m set owner = g.owner from recipient_group g where g.id = m.group_id;
alter table group_member alter column owner set not null;
alter table group_member drop constraint group_member_recipient_id_fkey;
alter table group_member drop constraint group_member_group_id_fkey;

alter table recipient drop constraint recipient_external_id_key;
alter table recipient add constraint recipient_owner_external_id unique (owner, external_id);
alter table recipient_group drop constraint recipient_group_key_key;
alter table recipient_group add constraint recipient_group_owner_key unique (owner, key);
alter table recipient_group add constraint recipient_group_id_owner unique (id, owner);

alter table group_member add constraint group_member_group
    foreign key (group_id, owner) references recipient_group (id, owner) on delete cascade;
alter table group_member add constraint group_member_recipient
    foreign key (owner, recipient_id) references recipient (owner, external_id) on delete cascade;
drop index group_member_recipient;
create index group_member_recipient on group_member (owner, recipient_id);

-- A token is unique per sender: another sender registering the same token takes nothing away. FCM's
-- verdict that a token is dead holds for every sender's registration of it (found by token).
alter table push_device add column owner text collate "C";
update push_device set owner = 'admin';
alter table push_device alter column owner set not null;
alter table push_device drop constraint push_device_token_key;
alter table push_device add constraint push_device_owner_token unique (owner, token);
create index push_device_token on push_device (token);
drop index push_device_recipient;
create index push_device_recipient on push_device (owner, recipient_id, created_at);

alter table inbox_item add column owner text collate "C";
update inbox_item i set owner = coalesce((select n.sender from notification n where n.id = i.notification_id), 'admin');
alter table inbox_item alter column owner set not null;
drop index inbox_item_recipient_created_at;
drop index inbox_item_recipient_unread;
create index inbox_item_recipient_created_at on inbox_item (owner, recipient_id, created_at desc, id desc);
create index inbox_item_recipient_unread on inbox_item (owner, recipient_id) where read_at is null;
