-- Notification templates: one per notification type (its key, e.g. order-shipped), owned by a sender.
-- Versions are immutable: their content (per-channel parts, default and per-locale) never changes once
-- written; publishing a version points the template at it, and earlier versions stay as history.

create table notification_template (
    template_key   text        primary key check (template_key ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    owner          text        not null,
    description    text,
    active_version integer,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index notification_template_owner on notification_template (owner, template_key);

create table notification_template_version (
    template_key text        not null references notification_template (template_key) on delete cascade,
    version      integer     not null check (version > 0),
    content      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    primary key (template_key, version)
);

alter table notification_template
    add constraint notification_template_active_version
    foreign key (template_key, active_version) references notification_template_version (template_key, version)
    deferrable initially deferred;

-- A version is immutable: only its first publication time may be set, once.
create function notification_template_version_immutable() returns trigger language plpgsql as $$
begin
    if new.template_key is distinct from old.template_key or new.version is distinct from old.version
       or new.content is distinct from old.content or new.created_at is distinct from old.created_at
       or (old.published_at is not null and new.published_at is distinct from old.published_at) then
        raise exception 'template version %/% is immutable', old.template_key, old.version
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger notification_template_version_immutable
    before update on notification_template_version
    for each row execute function notification_template_version_immutable();
