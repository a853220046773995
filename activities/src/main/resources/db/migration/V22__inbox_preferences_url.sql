-- An inbox item's link to its recipient's preferences (issue 20), when its template asks for one
-- (settings.preferencesLink): the page behind it unsubscribes or chooses categories without signing in.
alter table inbox_item add column preferences_url text;
