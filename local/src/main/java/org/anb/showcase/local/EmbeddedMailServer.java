package org.anb.showcase.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local mode's mail: GreenMail's SMTP server receives what the API sends, and its IMAP server lets anyone read
 * any mailbox with the address as login and password (authentication off: this is a local tool, not a mail service).
 * Mailboxes live in memory and are gone when the platform stops.
 */
final class EmbeddedMailServer implements AutoCloseable {
    private final GreenMail mail;

    private EmbeddedMailServer(GreenMail mail) {
        this.mail = mail;
    }

    static EmbeddedMailServer start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new EmbeddedMailServer(mail);
    }

    @Override
    public void close() {
        mail.stop();
    }
}
