-- One account per mailbox (issue 23): the stored, normalised key of each e-mail (email_key(): case; dots and +tag in
-- Gmail addresses) with a unique index. Accounts that already shared a mailbox keep working: the oldest keeps the
-- key, each later one gets its key suffixed with its own id (it still logs in with its own address; docs/privacy.md
-- and the runbook say how an organizer reviews them), and from now on the mailbox signs up once.
ALTER TABLE users ADD COLUMN email_key text;

UPDATE users u
   SET email_key = CASE WHEN d.n = 1 THEN d.k ELSE d.k || '#' || u.id END
  FROM (SELECT id, email_key(email) AS k,
               row_number() OVER (PARTITION BY email_key(email) ORDER BY created_at, id) AS n
          FROM users) d
 WHERE d.id = u.id;

ALTER TABLE users ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX users_email_key ON users (email_key);

CREATE FUNCTION users_set_email_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.email_key := email_key(NEW.email);
    RETURN NEW;
END $$;

CREATE TRIGGER users_email_key_insert BEFORE INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION users_set_email_key();
CREATE TRIGGER users_email_key_update BEFORE UPDATE OF email ON users
    FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION users_set_email_key();
