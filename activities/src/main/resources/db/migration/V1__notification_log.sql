-- The delivery log: every notification and each of its deliveries, for status, history and search.
-- Written by the notification workflow's DeliveryLogActivities; every write is idempotent.

create table notification (
    id                text primary key,          -- the workflow id
    idempotency_key   text        not null unique,
    sender            text        not null,
    channels          text        not null,      -- comma-separated Channel names, in request order
    priority          text        not null,
    status            text        not null,
    status_detail     text,
    subject           text,
    recipient_count   integer     not null,
    send_at           timestamptz,
    approval_decision text,
    approval_comment  text,
    approved_by       text,
    decided_at        timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index notification_created_at on notification (created_at desc);
create index notification_status_created_at on notification (status, created_at desc);

create table delivery (
    id                  text primary key,        -- <notification id>/<channel>/<index>
    notification_id     text        not null references notification (id),
    channel             text        not null,
    recipient           text        not null,
    status              text        not null,
    attempts            integer     not null default 0,
    provider_message_id text,
    error_code          text,
    last_error          text,
    updated_at          timestamptz not null
);

create index delivery_notification_id on delivery (notification_id);
