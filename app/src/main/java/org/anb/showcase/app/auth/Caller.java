package org.anb.showcase.app.auth;

import java.util.UUID;

/** Who is calling, as the token and the account's current row say: the id and the role it has right now. */
public record Caller(UUID id, Role role) {
}
