package org.anb.showcase.core.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

/** Typed reads of the column types our schema uses, whatever JDBC type the driver hands back. */
public final class Rows {
    private Rows() {
    }

    /** The column's value, or null for SQL NULL (DbColumn.get() refuses nulls). */
    private static Object raw(DbRow row, String column) {
        return row.column(column).get(Object.class);
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static String text(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    public static long number(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static boolean bool(DbRow row, String column) {
        return Boolean.TRUE.equals(raw(row, column));
    }

    public static Instant instant(DbRow row, String column) {
        Object value = raw(row, column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }
}
