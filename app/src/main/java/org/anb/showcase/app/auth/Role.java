package org.anb.showcase.app.auth;

import java.util.Locale;
import java.util.Optional;

/** What an account may do: every sign-up is a player; organizers grant the staff roles. Each role includes the ones before it. */
public enum Role {
    PLAYER, MODERATOR, ORGANIZER;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The name stored in the database and written in the API: {@code player}, {@code moderator}, {@code organizer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
