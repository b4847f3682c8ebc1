package org.anb.showcase.app.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import org.anb.showcase.app.audit.AuditLog;
import org.anb.showcase.core.db.Rows;

/**
 * Voiding and restoring votes. A void marks the matching votes (they stay stored); the votes' update trigger moves
 * every counter by exactly what stopped counting, in the same transaction, so counts, rankings and the pages built on
 * them reflect it at once; a restore with the same filter gives back exactly those votes. A dry run is the same
 * transaction rolled back: the ranking changes it answers are the ones the real run would make, not an estimate.
 */
public final class VoteReview {
    /** Ranking changes are reported for players who are, or would be, within this many places of their city's top. */
    static final int TOP_POSITIONS = 10;

    private final DbClient db;
    private final AuditLog audit;

    public VoteReview(DbClient db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public record RankingChange(String city, String username, Long positionBefore, Long positionAfter) {
    }

    public record Outcome(long voided, List<RankingChange> rankingChanges) {
    }

    public Outcome voidVotes(VoteFilter filter, String reason, boolean dryRun, UUID staff) {
        return apply(filter, dryRun, new AuditLog.Entry(staff, "votes.void", filter.describe(), reason, null),
                "UPDATE votes vt SET voided_at = now() WHERE vt.voided_at IS NULL AND ");
    }

    public Outcome restoreVotes(VoteFilter filter, String reason, boolean dryRun, UUID staff) {
        return apply(filter, dryRun, new AuditLog.Entry(staff, "votes.restore", filter.describe(), reason, null),
                "UPDATE votes vt SET voided_at = NULL WHERE vt.voided_at IS NOT NULL AND ");
    }

    private Outcome apply(VoteFilter filter, boolean dryRun, AuditLog.Entry entry, String update) {
        DbTransaction tx = db.transaction();
        try {
            Map<UUID, Standing> before = standings(tx);
            long changed = tx.update(update + VoteFilter.CONDITION, filter.parameters());
            Outcome outcome = new Outcome(changed, changes(before, standings(tx)));
            if (dryRun) {
                tx.rollback();
            } else {
                audit.record(tx, entry.withNote(changed + " votos"));
                tx.commit();
            }
            return outcome;
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        }
    }

    private record Standing(String city, String username, long position) {
    }

    /** Every ranked player's position in their city, as the rankings compute it. */
    private static Map<UUID, Standing> standings(DbExecute tx) {
        Map<UUID, Standing> standings = new HashMap<>();
        tx.query("""
                SELECT s.user_id, u.city, u.first_name || ' ' || u.last_name AS username,
                       row_number() OVER (PARTITION BY s.city_key ORDER BY s.votes DESC, s.signed_up_at, s.user_id)
                           AS position
                  FROM player_scores s JOIN users u ON u.id = s.user_id""")
                .forEach(row -> standings.put(Rows.uuid(row, "user_id"), new Standing(Rows.text(row, "city"),
                        Rows.text(row, "username"), Rows.number(row, "position"))));
        return standings;
    }

    private static List<RankingChange> changes(Map<UUID, Standing> before, Map<UUID, Standing> after) {
        List<RankingChange> changes = new ArrayList<>();
        for (Map.Entry<UUID, Standing> entry : before.entrySet()) {
            Standing was = entry.getValue();
            Standing now = after.get(entry.getKey());
            Long positionAfter = now == null ? null : now.position();
            boolean nearTop = was.position() <= TOP_POSITIONS || (positionAfter != null && positionAfter <= TOP_POSITIONS);
            if (nearTop && !Objects.equals(was.position(), positionAfter)) {
                changes.add(new RankingChange(was.city(), was.username(), was.position(), positionAfter));
            }
        }
        changes.sort(java.util.Comparator.comparing(RankingChange::city)
                .thenComparing(c -> c.positionBefore() == null ? Long.MAX_VALUE : c.positionBefore()));
        return changes;
    }
}
