package org.anb.showcase.core.db.credentials;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A user name and password for PostgreSQL. {@link #toString()} never shows the password. */
public record DatabaseCredentials(String username, String password) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public DatabaseCredentials {
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    /**
     * Reads the JSON RDS keeps its master credentials in ({@code {"username": ..., "password": ...}}, other fields
     * ignored); the local credential file has the same shape.
     *
     * @param where names the source in the error, which never quotes the text (it holds the password)
     */
    static DatabaseCredentials fromJson(String json, String where) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("username").isTextual() || !node.path("password").isTextual()) {
                throw new IllegalStateException(where + " has no text \"username\" and \"password\" fields");
            }
            return new DatabaseCredentials(node.get("username").asText(), node.get("password").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Not chained: Jackson's message quotes the text around the error, which may be the password.
            throw new IllegalStateException(where + " is not JSON");
        }
    }

    public String toJson() {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[username=" + username + ", password=***]";
    }
}
