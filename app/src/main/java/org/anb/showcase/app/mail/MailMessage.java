package org.anb.showcase.app.mail;

/** One plain-text e-mail. */
public record MailMessage(String recipient, String subject, String body) {
}
