package org.anb.showcase.local.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.anb.showcase.core.storage.ObjectKeys;

/** Direct SQL for assertions and for playing the worker's part until the worker exists. */
public final class TestDatabase {
    private final DataSource connections;

    /** @param connections the platform's own way in: its URL and its (rotation-aware) credentials */
    public TestDatabase(DataSource connections) {
        this.connections = connections;
    }

    public long count(String sql, Object... params) {
        try (Connection c = connections.getConnection();
             PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text(String sql, Object... params) {
        try (Connection c = connections.getConnection();
             PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = connections.getConnection();
             PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the worker will do on success: processed, and published unless the owner opted out. */
    public void markProcessed(UUID videoId) {
        int rows = update("""
                UPDATE videos SET status = 'processed', processed_key = ?, poster_key = ?, processed_at = now(),
                       published_at = CASE WHEN publish_when_processed THEN now() END
                 WHERE id = ?""", ObjectKeys.processed(videoId), ObjectKeys.poster(videoId), videoId);
        if (rows != 1) {
            throw new IllegalStateException("no video " + videoId);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
