package org.anb.showcase.app.mail;

import java.util.UUID;

import io.helidon.config.Config;
import io.helidon.dbclient.DbExecute;

/**
 * Writes mail to {@code mail_outbox}, in the caller's transaction when it has one: the mail exists exactly when the
 * action that caused it committed, and sending it (by {@link OutboxSender}) can neither block nor undo that action.
 */
public final class Outbox {
    static final String SITE_PLACEHOLDER = "{{site}}";

    private final String siteUrl;

    public Outbox(String siteUrl) {
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }


    /** The address mail comes from ({@code mail.from}). */
    static String sender(Config mail) {
        return mail.get("from").asString().orElse("concurso@anb.example");
    }

    /** A link to a page of the site, for a mail's body. */
    public String link(String pathAndQuery) {
        return siteUrl + pathAndQuery;
    }

    /** A body as sent: mail the database writes (V14) says {@code {{site}}} where the site's address goes. */
    String resolve(String body) {
        return body.replace(SITE_PLACEHOLDER, siteUrl);
    }

    public void enqueue(DbExecute exec, MailMessage message) {
        exec.insert("INSERT INTO mail_outbox (id, recipient, subject, body) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), message.recipient(), message.subject(), message.body());
    }
}
