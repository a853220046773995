-- A notification records the template version it used (null for inline content).
alter table notification add column template_key text;
alter table notification add column template_version integer;
