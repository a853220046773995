-- Dead letters (issue 21): deliveries that failed for good and request events that could not become a
-- notification, kept for an admin to inspect, re-drive or discard.

-- Every failed attempt of a delivery, transient or final, in order: Herald's error type (when known), the
-- provider's own code (or Herald's type when the provider gave none) and the message.
create table delivery_attempt (
    id            bigserial primary key,
    delivery_id   text        not null references delivery (id),
    attempt       integer     not null,
    error_type    text,
    error_code    text,
    message       text,
    at            timestamptz not null
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id, id);

-- What a notification's batches send (inline content or the template with its variables, category,
-- priority), kept once its first delivery fails for good, so a re-drive renders it again after the
-- notification's workflow is gone.
create table notification_content (
    notification_id text primary key references notification (id),
    sender          text        not null,
    content         text        not null,  -- JSON as text: jsonb refuses \u0000, which a body may hold
    created_at      timestamptz not null
);

create table dead_letter (
    id              bigserial primary key,
    kind            text        not null,        -- DELIVERY or EVENT
    status          text        not null,        -- OPEN, REDRIVING, REDRIVEN, DISCARDED
    sender          text,
    channel         text,                        -- DELIVERY: the delivery's channel
    notification_id text references notification (id),
    delivery_id     text unique references delivery (id),
    recipient       text,                        -- DELIVERY: the address
    error_code      text,                        -- the provider's code, else Herald's error type or rule
    error           text,
    outcome         text,                        -- after a re-drive: the delivery's status, or why nothing was sent
    redrives        integer     not null default 0,
    topic           text,                        -- EVENT: where it came from, and its bytes as they came
    kafka_partition integer,
    kafka_offset    bigint,
    event_key       bytea,
    event_value     bytea,
    created_at      timestamptz not null,        -- when it (last) became a dead letter
    updated_at      timestamptz not null,
    unique (topic, kafka_partition, kafka_offset)
);
create index dead_letter_created_at on dead_letter (created_at desc, id desc);
create index dead_letter_status on dead_letter (status, channel, error_code);
