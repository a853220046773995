-- Console sign-ins. The browser holds a random session token in an HttpOnly cookie; only its SHA-256
-- is kept here. A session belongs to the API key it was opened with: revoking the key ends it at once,
-- signing out deletes it, and it lapses when idle for too long or past its lifetime.
create table console_session (
    token_hash   bytea       primary key check (length(token_hash) = 32),
    key_id       bigint      not null references api_key (id),
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null
);

create index console_session_expires_at on console_session (expires_at);
