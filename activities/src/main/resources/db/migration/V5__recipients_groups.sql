-- Recipients: the people Herald notifies, keyed by the sender's own id (external_id), the same id
-- notifications, the in-app inbox and push devices use. Groups of recipients for broadcasts.
-- Ids sort bytewise (collate "C") so cursor paging by id is an index range scan.

create table recipient (
    id          bigint generated always as identity primary key,
    external_id text collate "C" not null unique,
    name        text,
    locale      text,
    time_zone   text,
    email       text,
    phone       text,
    attributes  jsonb       not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table recipient_group (
    id         bigint generated always as identity primary key,
    key        text collate "C" not null unique,
    name       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- Members in external-id order under the primary key: a page after a cursor is one index range scan.
create table group_member (
    group_id     bigint not null references recipient_group (id) on delete cascade,
    recipient_id text collate "C" not null references recipient (external_id) on delete cascade,
    added_at     timestamptz not null default now(),
    primary key (group_id, recipient_id)
);

create index group_member_recipient on group_member (recipient_id);
