package org.anb.showcase.app.privacy;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbClient;

/**
 * {@code GET /api/me/export}: everything the platform keeps about one person, built by PostgreSQL in one statement
 * (one consistent snapshot). Never the password hash, the links' token hashes or the mail bodies (which carry links).
 */
final class PersonalDataExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT = """
            WITH me AS (SELECT * FROM users WHERE id = ?)
            SELECT json_build_object(
                'exported_at', now(),
                'account', json_build_object(
                    'user_id', me.id, 'email', me.email, 'first_name', me.first_name, 'last_name', me.last_name,
                    'public_name', public_name(me.first_name, me.last_name, me.birth_date),
                    'city', me.city, 'country', me.country, 'role', me.role, 'account_status', me.account_status,
                    'signed_up_at', me.created_at, 'email_verified_at', me.email_verified_at,
                    'terms_version', me.terms_version, 'terms_accepted_at', me.terms_accepted_at,
                    'birth_date', me.birth_date, 'guardian_email', me.guardian_email,
                    'guardian_confirmed_at', me.guardian_confirmed_at),
                'videos', coalesce((SELECT json_agg(json_build_object(
                    'video_id', v.id, 'title', v.title, 'status', v.status, 'uploaded_at', v.uploaded_at,
                    'processed_at', v.processed_at, 'published_at', v.published_at, 'votes', v.vote_count,
                    'disqualified_at', v.disqualified_at, 'disqualification_reason', v.disqualification_reason,
                    'appeal_message', v.appeal_message, 'appealed_at', v.appealed_at) ORDER BY v.uploaded_at)
                    FROM videos v WHERE v.owner_id = me.id), '[]'),
                'votes', coalesce((SELECT json_agg(json_build_object(
                    'video_id', vt.video_id, 'video_title', v.title, 'voted_at', vt.created_at, 'held', vt.held,
                    'voided', vt.voided_at IS NOT NULL, 'network', vt.network) ORDER BY vt.created_at)
                    FROM votes vt JOIN videos v ON v.id = vt.video_id WHERE vt.user_id = me.id), '[]'),
                'reports', coalesce((SELECT json_agg(json_build_object(
                    'video_id', r.video_id, 'reason', r.reason, 'details', r.details, 'reported_at', r.created_at,
                    'outcome', r.outcome) ORDER BY r.created_at)
                    FROM reports r WHERE r.reporter_id = me.id), '[]'),
                'mails', coalesce((SELECT json_agg(json_build_object(
                    'subject', m.subject, 'queued_at', m.created_at, 'sent_at', m.sent_at) ORDER BY m.created_at)
                    FROM mail_outbox m WHERE m.recipient = me.email), '[]')
            )::text AS export
              FROM me""";

    private final DbClient db;

    PersonalDataExport(DbClient db) {
        this.db = db;
    }

    /** The person's data, or empty if the account is gone. */
    java.util.Optional<JsonNode> of(UUID userId) {
        return db.execute().get(EXPORT, userId).map(row -> parse(row.column("export").getString()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL built invalid JSON", e);
        }
    }
}
