package org.anb.showcase.app.contest;

import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.core.db.Rows;

/**
 * The edition's rules as the player-facing paths check them before doing any work: uploads (both paths) while
 * entries are open and under the entry cap, votes while voting is open. The database has the last word where a race
 * matters (the entry cap is also a trigger; results count only votes cast before the close).
 */
public final class EditionRules {
    public static final String ENTRIES_CLOSED = "Las inscripciones de videos están cerradas.";
    public static final String VOTING_CLOSED = "La votación está cerrada.";
    public static final String TOO_MANY_ENTRIES = "Ya tienes el máximo de videos permitido en esta edición.";
    /** The SQLSTATE the entry-cap trigger raises (V7). */
    public static final String ENTRY_CAP_STATE = "ANB01";

    private final CurrentEdition current;
    private final DbClient db;

    public EditionRules(CurrentEdition current, DbClient db) {
        this.current = current;
        this.db = db;
    }

    /** Before an upload (either path) reads a byte: 409 while entries are closed or the player's cap is reached. */
    public void requireRoomForEntry(UUID owner) {
        Edition edition = current.get();
        if (!edition.entriesOpen(current.now())) {
            throw new ApiException(409, ENTRIES_CLOSED);
        }
        if (edition.maxEntriesPerPlayer() != null && liveEntries(owner) >= edition.maxEntriesPerPlayer()) {
            throw tooManyEntries();
        }
    }

    public void requireVotingOpen() {
        if (!current.get().votingOpen(current.now())) {
            throw new ApiException(409, VOTING_CLOSED);
        }
    }

    public static ApiException tooManyEntries() {
        return new ApiException(409, TOO_MANY_ENTRIES);
    }

    private long liveEntries(UUID owner) {
        return db.execute().get("SELECT count(*) AS n FROM videos WHERE owner_id = ? AND status <> 'failed' "
                + "AND disqualified_at IS NULL", owner).map(row -> Rows.number(row, "n")).orElse(0L);
    }
}
