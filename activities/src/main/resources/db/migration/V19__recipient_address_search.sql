-- The console finds a sender's recipient by its email address (any letter case) or phone number: one
-- index lookup each, instead of reading every recipient of the owner.
create index recipient_owner_email on recipient (owner, lower(email)) where email is not null;
create index recipient_owner_phone on recipient (owner, phone) where phone is not null;
