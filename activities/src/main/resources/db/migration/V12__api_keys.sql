-- API keys of senders and admins. The table holds no secret: a key is shown once when created, and
-- only its SHA-256 is kept (a key is 256 random bits, so a fast hash is as safe as a slow one and
-- costs a request nothing). A key is found by its prefix, the public part of the key.
create table api_key (
    id           bigint      generated always as identity primary key,
    name         text        not null,
    role         text        not null check (role in ('SENDER', 'ADMIN')),
    sender       text        not null,
    prefix       text        not null unique,
    secret_hash  bytea       not null check (length(secret_hash) = 32),
    created_at   timestamptz not null,
    created_by   text        not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- A sender's history is its own notifications only.
create index notification_sender_created_at on notification (sender, created_at desc);
