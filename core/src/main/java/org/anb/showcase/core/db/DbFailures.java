package org.anb.showcase.core.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Reads the SQL failure behind a Helidon DB Client exception, so callers can react to what happened. */
public final class DbFailures {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CONNECTION_CLASS = "08";
    private static final String ADMIN_SHUTDOWN_CLASS = "57";

    private DbFailures() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return hasState(failure, UNIQUE_VIOLATION);
    }

    /** Whether the statement was refused with this SQLSTATE (our own triggers raise codes of their own). */
    public static boolean hasState(Throwable failure, String sqlState) {
        return sqlState(failure).equals(sqlState);
    }

    /** True when the database could not be reached or went away, as opposed to refusing the statement. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        String state = sqlState(failure);
        return state.startsWith(CONNECTION_CLASS) || state.startsWith(ADMIN_SHUTDOWN_CLASS);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }
}
