package org.anb.showcase.app.mail;

import io.helidon.config.Config;

/**
 * The mail port: how a message leaves the platform. Amazon SES in AWS, SMTP to the embedded mail server in local
 * mode. A failure throws; the {@link OutboxSender} retries it later.
 */
public interface MailTransport {
    void send(MailMessage message) throws Exception;

    /** {@code mail.transport}: {@code ses}, {@code smtp} or {@code none} (mail kept in the outbox, never sent). */
    static MailTransport from(Config mail) {
        return switch (mail.get("transport").asString().orElse("none")) {
            case "ses" -> SesTransport.from(mail);
            case "smtp" -> SmtpTransport.from(mail);
            case "none" -> message -> {
                throw new IllegalStateException("mail.transport is none: mail stays in the outbox");
            };
            default -> throw new IllegalStateException("mail.transport must be ses, smtp or none");
        };
    }
}
