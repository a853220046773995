-- Push devices: the FCM registration tokens of each recipient (web push, Android, iOS).
-- A token FCM reports as unregistered or invalid is deactivated, with the reason, and never used again.

create table push_device (
    id                 bigint generated always as identity primary key,
    recipient_id       text        not null,
    token              text        not null unique,
    platform           text        not null check (platform in ('WEB', 'ANDROID', 'IOS')),
    active             boolean     not null default true,
    deactivated_reason text,
    deactivated_at     timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create index push_device_recipient on push_device (recipient_id, created_at);
