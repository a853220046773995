-- Numbers that opted out of SMS: replied STOP (inbound webhook) or reported unsubscribed by Twilio
-- (error 21610). The SMS activity sends nothing to a number here; START removes it.

create table sms_opt_out (
    phone        text primary key,             -- E.164
    source       text        not null,          -- why: "inbound STOP", "twilio-21610" ...
    opted_out_at timestamptz not null
);
