-- What recipients control (issue 20): their opt-outs per category and channel, addresses nobody may
-- reach, the categories admins mark critical, and the sends counted against frequency caps. The send
-- path reads them right before each message (dev.herald.activities.preference).

-- A notification's category (e.g. marketing, security): the template version's, or the request's.
alter table notification add column category text collate "C";

-- Categories an admin has described or marked critical. A category needs no row to be used.
create table notification_category (
    name        text collate "C" primary key check (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    critical    boolean     not null default false,
    description text,
    updated_by  text        not null,
    updated_at  timestamptz not null
);

-- A recipient's choices, one row per scope; '*' is every category or every channel. The most specific
-- row that matches a send decides (category and channel, category, channel, everything), so an opt-in
-- row can reopen one category inside a wider opt-out.
create table recipient_preference (
    owner        text collate "C" not null,   -- the sender whose recipient it is
    recipient_id text collate "C" not null,   -- the sender's id for it (a stored recipient or not)
    category     text collate "C" not null,   -- a category or '*'
    channel      text collate "C" not null,   -- a Channel name or '*'
    opted_out    boolean     not null,
    source       text        not null,        -- who set it: api, recipient, console, one-click ...
    updated_at   timestamptz not null,
    primary key (owner, recipient_id, category, channel)
);

-- Addresses not to reach on a channel, whoever they belong to: raw-address unsubscribes (one sender's,
-- or '*' for a provider-level block every sender shares: SMS STOP, Twilio 21610).
create table address_suppression (
    channel    text collate "C" not null,     -- a Channel name
    address    text collate "C" not null,     -- an e-mail address in lower case, an E.164 number
    owner      text collate "C" not null,     -- a sender, or '*' for all
    category   text collate "C" not null,     -- a category or '*'
    source     text        not null,          -- why: "inbound STOP", "twilio-21610", "one-click" ...
    created_at timestamptz not null,
    primary key (channel, address, owner, category)
);

insert into address_suppression (channel, address, owner, category, source, created_at)
select 'SMS', phone, '*', '*', source, opted_out_at from sms_opt_out;
drop table sms_opt_out;

-- Sends counted against a frequency cap, one per delivery: reserved right before the send, released
-- when it fails. recipient_key is the recipient id, or the address for a recipient without one.
create table frequency_use (
    delivery_id   text primary key,
    owner         text collate "C" not null,
    recipient_key text collate "C" not null,
    category      text collate "C" not null,
    channel       text collate "C" not null,
    used_at       timestamptz not null
);

create index frequency_use_window on frequency_use (owner, recipient_key, category, channel, used_at);
