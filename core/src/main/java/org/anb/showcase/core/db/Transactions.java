package org.anb.showcase.core.db;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/** One unit of work in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {
    private Transactions() {
    }

    public static <T> T inTransaction(DbClient db, Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        }
        tx.commit();
        return result;
    }
}
