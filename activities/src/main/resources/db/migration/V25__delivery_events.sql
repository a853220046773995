-- Delivery events (issue 21): the outbox of every delivery state change, relayed in seq order to the Kafka
-- topic herald.notifications.events and deleted once the broker has it (docs/events.md). Each row is written
-- by a trigger of the statement that makes the change, so in its transaction and with no round trip more;
-- and no write of the log, today's or a later one, can change a status without its event.
create table delivery_event (
    -- the order of the changes: a delivery's row lock orders its changes, and each takes its number after it.
    -- No cache: numbers taken ahead by one session would put its later changes before another's earlier ones
    seq                 bigint generated always as identity primary key,
    type                text        not null,  -- DeliveryEventType
    notification_id     text        not null,
    delivery_id         text        not null,
    channel             text        not null,
    status              text,                  -- the delivery's status after the change (none for READ)
    provider_message_id text,
    error_code          text,                  -- of FAILED and SKIPPED only
    occurred_at         timestamptz not null default now()
);

-- ACCEPTED: one event per delivery inserted, by one insert per statement (a group's chunk of 5,000 included);
-- a repeated insert (on conflict do nothing) inserts no delivery and so no event.
create function delivery_event_accepted() returns trigger language plpgsql as $$
begin
  insert into delivery_event (type, notification_id, delivery_id, channel, status)
  select 'ACCEPTED', a.notification_id, a.id, a.channel, a.status from accepted a;
  return null;
end $$;

create trigger delivery_event_accepted after insert on delivery
  referencing new table as accepted for each statement execute function delivery_event_accepted();

-- SENT, DELIVERED, FAILED, SKIPPED, CANCELLED: a status that changed. Back to PENDING (a re-drive) is not one:
-- the re-drive records its own event (DeliveryEvents#record). A row trigger, so that the updates that change
-- no status (claims, holds, retries) cost nothing: a column list and transition tables do not go together.
create function delivery_event_changed() returns trigger language plpgsql as $$
begin
  insert into delivery_event (type, notification_id, delivery_id, channel, status, provider_message_id, error_code)
  values (new.status, new.notification_id, new.id, new.channel, new.status, new.provider_message_id,
          case when new.status in ('FAILED', 'SKIPPED') then new.error_code end);
  return null;
end $$;

create trigger delivery_event_changed after update of status on delivery
  for each row when (old.status is distinct from new.status and new.status <> 'PENDING')
  execute function delivery_event_changed();

-- READ: an inbox item read for the first time (again after it was marked unread).
create function delivery_event_read() returns trigger language plpgsql as $$
begin
  insert into delivery_event (type, notification_id, delivery_id, channel)
  values ('READ', new.notification_id, new.delivery_id, 'IN_APP');
  return null;
end $$;

create trigger delivery_event_read after update of read_at on inbox_item
  for each row when (old.read_at is null and new.read_at is not null)
  execute function delivery_event_read();
