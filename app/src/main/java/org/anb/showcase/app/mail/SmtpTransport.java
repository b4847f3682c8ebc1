package org.anb.showcase.app.mail;

import java.util.Properties;

import io.helidon.config.Config;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Mail over SMTP (Eclipse Angus Mail): the local mode's embedded server. */
final class SmtpTransport implements MailTransport {
    private final Session session;
    private final InternetAddress from;

    private SmtpTransport(Session session, InternetAddress from) {
        this.session = session;
        this.from = from;
    }

    static SmtpTransport from(Config mail) {
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.get("smtp.host").asString().orElse("localhost"));
        props.put("mail.smtp.port", String.valueOf(mail.get("smtp.port").asInt().orElse(3025)));
        props.put("mail.smtp.connectiontimeout", "3000");
        props.put("mail.smtp.timeout", "5000");
        try {
            return new SmtpTransport(Session.getInstance(props), new InternetAddress(Outbox.sender(mail)));
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("mail.from is not an e-mail address", e);
        }
    }

    @Override
    public void send(MailMessage message) throws Exception {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient()));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setText(message.body(), "UTF-8");
        Transport.send(mime);
    }
}
