package org.anb.showcase.app.auth;

import java.util.Locale;

/**
 * A mailbox's normalised key, the same as the database's {@code email_key()} (migration V7): lower case, trimmed;
 * for Gmail also without dots and {@code +tag} in the local part. Used where no database call is wanted (the login
 * throttle's account budgets), so that {@code Ana.Perez+1@gmail.com} and {@code anaperez@gmail.com} share one.
 */
final class EmailKey {
    private EmailKey() {
    }

    static String of(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String domain = address.substring(at + 1);
        if (!domain.equals("gmail.com") && !domain.equals("googlemail.com")) {
            return address;
        }
        String local = address.substring(0, at);
        int plus = local.indexOf('+');
        return (plus < 0 ? local : local.substring(0, plus)).replace(".", "") + "@gmail.com";
    }
}
