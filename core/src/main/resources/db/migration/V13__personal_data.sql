-- Personal data under Colombia's Ley 1581 (issue 23): the privacy notice each person accepted, the birth date, and
-- for a minor the guardian who authorises publication; files of erased accounts waiting to be removed from storage.
ALTER TABLE users
    ADD COLUMN terms_version         text CHECK (length(terms_version) <= 50),
    ADD COLUMN terms_accepted_at     timestamptz,
    ADD COLUMN birth_date            date,
    ADD COLUMN guardian_email        text CHECK (length(guardian_email) <= 254),
    ADD COLUMN guardian_confirmed_at timestamptz,
    ADD CONSTRAINT users_terms_accepted CHECK ((terms_version IS NULL) = (terms_accepted_at IS NULL));

-- Under 18 today. No birth date (accounts from before, or clients that do not send one) reads as an adult.
CREATE FUNCTION is_minor(birth date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN birth IS NOT NULL AND birth > (current_date - interval '18 years');

-- The name the public sees: a minor's is the first name and the last name's initial ("Ana P.").
CREATE FUNCTION public_name(first_name text, last_name text, birth date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN is_minor(birth) THEN first_name || ' ' || left(btrim(last_name), 1) || '.'
                ELSE first_name || ' ' || last_name END;

-- The one publication gate (V7) learns one more rule: a minor's video waits for the guardian's authorisation.
CREATE OR REPLACE FUNCTION gate_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.published_at IS NOT NULL AND OLD.published_at IS NULL
       AND (NEW.disqualified_at IS NOT NULL OR (NEW.approved_at IS NULL AND pre_moderation())
            OR EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.owner_id AND is_minor(u.birth_date)
                                               AND u.guardian_confirmed_at IS NULL)) THEN
        NEW.published_at := NULL;
    END IF;
    RETURN NEW;
END $$;

-- Storage objects of erased accounts: written in the erasing transaction, removed by a sweeper that retries, so a
-- crash or an unreachable bucket never leaves a deleted person's video behind.
CREATE TABLE object_deletions (
    key             text        PRIMARY KEY,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX object_deletions_due_idx ON object_deletions (next_attempt_at);
