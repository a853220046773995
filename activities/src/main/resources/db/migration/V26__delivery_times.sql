-- Delivery times (issue 22), for GET /api/v1/stats and the console's overview: when the provider accepted a
-- delivery (sent_at) and when it took its current status (status_at: its receipt, failure, skip or cancel).
-- Set by a trigger of the statement that changes the status, as V25's events are, so no write of the log,
-- today's or a later one, can change a status and leave its time behind. Rows logged before V26 have none.
alter table delivery add column sent_at timestamptz;
alter table delivery add column status_at timestamptz;

create function delivery_times() returns trigger language plpgsql as $$
begin
  new.status_at := now();
  -- provider accepted: SENT, or DELIVERED straight away; a receipt after SENT keeps the first time
  if new.status in ('SENT', 'DELIVERED') and old.status not in ('SENT', 'DELIVERED') then
    new.sent_at := new.status_at;
  end if;
  return new;
end $$;

create trigger delivery_times before update of status on delivery
  for each row when (old.status is distinct from new.status) execute function delivery_times();

-- Every outcome in a window [since, until) belongs to a delivery whose status_at >= since (sent_at <= status_at),
-- so the stats read one range of this index, whatever the size of the log. Partial: the PENDING deliveries a
-- notification inserts (a broadcast's 100,000) have no status_at and cost no entry.
create index delivery_status_at on delivery (status_at) where status_at is not null;
