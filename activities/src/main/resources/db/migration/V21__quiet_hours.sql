-- Quiet hours (issue 20): a recipient's daily window, in its own time zone, when only critical sends
-- (and HIGH ones whose template allows it) go out; the rest wait. A delivery held back keeps the time
-- it may go (not_before) while PENDING, which the notification workflow waits for on a durable timer.

create table recipient_quiet_hours (
    owner        text collate "C" not null,
    recipient_id text collate "C" not null,
    starts       time        not null,        -- local time the window opens, e.g. 22:00
    ends         time        not null,        -- local time it closes, e.g. 08:00 (the next day when before starts)
    time_zone    text,                        -- an IANA id; null: the stored recipient's, else UTC
    updated_at   timestamptz not null,
    primary key (owner, recipient_id)
);

alter table delivery add column not_before timestamptz;
