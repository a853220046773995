-- Attachments: files a sender uploaded for its notifications. The bytes are in the blob store under
-- attachments/<id>; the row is written before them (UPLOADING, with an expiry), so an upload cut off
-- by a crash is swept like any unreferenced one.
create table attachment (
    id            uuid primary key,
    sender        text        not null,
    filename      text,
    content_type  text        not null,
    size          bigint,                    -- set once STORED
    sha256        text,                      -- hex, set once STORED
    status        text        not null,      -- AttachmentStatus: UPLOADING, STORED, DELETED, EXPIRED
    created_at    timestamptz not null,
    expires_at    timestamptz,               -- when an unreferenced one is swept; null while a notification references it
    deleted_at    timestamptz
);

create index attachment_expiry on attachment (expires_at) where expires_at is not null;

-- Which notifications use an attachment: while one that is not final does, the attachment cannot be deleted.
create table attachment_reference (
    attachment_id   uuid not null references attachment (id),
    notification_id text not null,
    primary key (attachment_id, notification_id)
);

create index attachment_reference_notification on attachment_reference (notification_id);
