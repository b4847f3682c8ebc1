package org.anb.showcase.app.contest;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import org.anb.showcase.core.db.Rows;

/** The contest table: all of its SQL. The current edition is the newest row. */
public final class EditionRepository {
    private static final String COLUMNS = """
            id, name, entries_open_at, entries_close_at, voting_open_at, voting_close_at, counts_hidden_from,
            max_entries_per_player, moderation, rules, signup_challenge, consent_required, privacy_notice_version,
            alert_threshold, results_published_at""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DbClient db;

    public EditionRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Edition> current() {
        return current(db.execute());
    }

    private Optional<Edition> current(io.helidon.dbclient.DbExecute tx) {
        return tx.get("SELECT " + COLUMNS + " FROM contest ORDER BY id DESC LIMIT 1")
                .map(EditionRepository::edition);
    }

    /** Replaces the current edition's settings (its results and ballot key stay), or starts the first edition. */
    public Edition save(io.helidon.dbclient.DbExecute tx, EditionSettings s, boolean newEdition) {
        Object[] values = {s.name(), ts(s.entriesOpenAt()), ts(s.entriesCloseAt()), ts(s.votingOpenAt()),
                ts(s.votingCloseAt()), ts(s.countsHiddenFrom()), s.maxEntriesPerPlayer(), s.moderation(), s.rules(),
                s.signupChallenge(), s.consentRequired(), s.privacyNoticeVersion(), s.alertThreshold()};
        tx.dml("LOCK TABLE contest IN SHARE ROW EXCLUSIVE MODE"); // two first PUTs make one edition
        Optional<Edition> current = newEdition ? Optional.empty() : current(tx);
        if (current.isPresent()) {
            tx.update("""
                    UPDATE contest SET name = ?, entries_open_at = ?, entries_close_at = ?, voting_open_at = ?,
                           voting_close_at = ?, counts_hidden_from = ?, max_entries_per_player = ?, moderation = ?,
                           rules = ?, signup_challenge = ?, consent_required = ?, privacy_notice_version = ?,
                           alert_threshold = ?, updated_at = now()
                     WHERE id = ?""", append(values, current.get().id()));
        } else {
            byte[] ballotKey = new byte[32];
            RANDOM.nextBytes(ballotKey);
            tx.insert("""
                    INSERT INTO contest (name, entries_open_at, entries_close_at, voting_open_at, voting_close_at,
                           counts_hidden_from, max_entries_per_player, moderation, rules, signup_challenge,
                           consent_required, privacy_notice_version, alert_threshold, ballot_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", append(values, ballotKey));
        }
        return current(tx).orElseThrow();
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Edition edition(DbRow row) {
        Object max = row.column("max_entries_per_player").get(Object.class);
        return new Edition(Rows.number(row, "id"), Rows.text(row, "name"), Rows.instant(row, "entries_open_at"),
                Rows.instant(row, "entries_close_at"), Rows.instant(row, "voting_open_at"),
                Rows.instant(row, "voting_close_at"), Rows.instant(row, "counts_hidden_from"),
                max == null ? null : ((Number) max).intValue(), Rows.text(row, "moderation"), Rows.text(row, "rules"),
                Rows.bool(row, "signup_challenge"), Rows.bool(row, "consent_required"),
                Rows.text(row, "privacy_notice_version"), (int) Rows.number(row, "alert_threshold"),
                Rows.instant(row, "results_published_at"));
    }
}
