-- History filtered by recipient (the console's and GET /api/v1/notifications?recipient=): the notifications
-- with a delivery to this address or recipient id. Without these, each such query reads every delivery ever
-- logged; with them, the few rows of that recipient. The price: two index entries more per delivery written.
create index delivery_recipient on delivery (recipient);
create index delivery_recipient_id on delivery (recipient_id) where recipient_id is not null;
