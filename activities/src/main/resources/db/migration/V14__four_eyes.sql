-- Four-eyes approvals: the public prefix of the API key that asked for a send (null for a Kafka
-- event and for rows from before keys existed), and of the key that decided on it (null when the
-- decision came by a Temporal signal, which carries no credential).
alter table notification add column requested_by_key text;
alter table notification add column approved_by_key text;
