package org.anb.showcase.app.videos;

import java.util.Collection;
import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import org.anb.showcase.core.db.Rows;
import org.anb.showcase.core.storage.ObjectStore;

/**
 * Files that must go (an erased account's videos): requested in the transaction that removes their rows, removed
 * from storage by whichever instance drains the table next ({@code FOR UPDATE SKIP LOCKED}), retried with backoff
 * while storage refuses. A crash between the two steps leaves a request, never an orphan nobody will delete.
 */
public final class ObjectDeletions {
    private static final System.Logger LOG = System.getLogger(ObjectDeletions.class.getName());

    private final DbClient db;
    private final ObjectStore store;

    public ObjectDeletions(DbClient db, ObjectStore store) {
        this.db = db;
        this.store = store;
    }

    /** Records that these objects must be deleted, through the caller's transaction. */
    public void request(DbExecute exec, Collection<String> keys) {
        for (String key : keys) {
            exec.insert("INSERT INTO object_deletions (key) VALUES (?) ON CONFLICT DO NOTHING", key);
        }
    }

    /** Deletes up to {@code batch} due objects; answers how many are gone. */
    public int drain(int batch) {
        DbTransaction tx = db.transaction();
        try {
            List<String> due = tx.query("""
                    SELECT key FROM object_deletions WHERE next_attempt_at <= now()
                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""", batch)
                    .map(row -> Rows.text(row, "key")).toList();
            int deleted = 0;
            for (String key : due) {
                try {
                    store.delete(key);
                    tx.delete("DELETE FROM object_deletions WHERE key = ?", key);
                    deleted++;
                } catch (RuntimeException e) {
                    tx.update("""
                            UPDATE object_deletions SET attempts = attempts + 1,
                                   next_attempt_at = now() + make_interval(secs => least(3600, 30 * 2 ^ least(attempts, 7)))
                             WHERE key = ?""", key);
                    LOG.log(System.Logger.Level.WARNING, "object " + key + " not deleted yet, retried later: " + e);
                }
            }
            tx.commit();
            return deleted;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }
}
