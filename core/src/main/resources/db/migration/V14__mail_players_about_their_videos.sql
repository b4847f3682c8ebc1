-- Players hear about their videos by mail (issue 23): processed, failed (with the reason), disqualified (with the
-- reason and the appeal). Written by the database in the transaction that changes the video, whichever path changes
-- it (the worker, its dead-letter handler, a moderator), so a mail exists exactly when the change does. The site's
-- address is not known here: {{site}} is replaced by the sender (OutboxSender) with mail.site-url.
CREATE FUNCTION mail_owner_about_video() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner   users%ROWTYPE;
    subject text;
    news    text;
BEGIN
    IF NEW.status = 'processed' AND OLD.status <> 'processed' THEN
        subject := 'Tu video está listo — ANB Rising Stars';
        news := 'Tu video "' || NEW.title || '" ya tiene el formato del concurso'
                || CASE WHEN NEW.published_at IS NOT NULL THEN ' y está publicado para votación.'
                        ELSE '. Publícalo desde Mis videos cuando quieras.' END;
    ELSIF NEW.status = 'failed' AND OLD.status <> 'failed' THEN
        subject := 'No pudimos procesar tu video — ANB Rising Stars';
        news := 'No pudimos procesar tu video "' || NEW.title || '": ' || NEW.failure_reason
                || E'\nPuedes subirlo de nuevo desde Mis videos.';
    ELSIF NEW.disqualified_at IS NOT NULL AND OLD.disqualified_at IS NULL THEN
        subject := 'Tu video fue descalificado — ANB Rising Stars';
        news := 'Tu video "' || NEW.title || '" fue descalificado. Motivo: ' || NEW.disqualification_reason
                || E'\nSi no estás de acuerdo, puedes apelar una vez desde Mis videos.';
    ELSE
        RETURN NULL;
    END IF;
    SELECT * INTO owner FROM users WHERE id = NEW.owner_id;
    INSERT INTO mail_outbox (id, recipient, subject, body)
    VALUES (gen_random_uuid(), owner.email, subject,
            'Hola, ' || owner.first_name || E':\n\n' || news || E'\n\n{{site}}/mis-videos\n\nAsociación Nacional de Baloncesto');
    RETURN NULL;
END $$;

CREATE TRIGGER videos_mail_owner AFTER UPDATE OF status, disqualified_at ON videos
    FOR EACH ROW EXECUTE FUNCTION mail_owner_about_video();
