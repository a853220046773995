-- The in-app inbox: one item per IN_APP delivery, read by the recipient's browser
-- (GET /api/v1/inbox, the SSE stream). Written by InAppActivities, idempotently by delivery id.

create table inbox_item (
    id              bigint generated always as identity primary key, -- the SSE event id; also the provider message id
    recipient_id    text        not null,                            -- the sender's id for the recipient
    notification_id text        not null,                            -- lets a client drop duplicates
    delivery_id     text        not null unique,                     -- <notification id>/in_app/<index>: a retry inserts nothing
    title           text,
    body            text        not null,
    created_at      timestamptz not null default now(),
    read_at         timestamptz
);

-- a recipient's inbox, newest first (keyset paging on created_at, id)
create index inbox_item_recipient_created_at on inbox_item (recipient_id, created_at desc, id desc);
-- unread counts
create index inbox_item_recipient_unread on inbox_item (recipient_id) where read_at is null;
