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

    /** GreenMail's default 2 s wait for its listeners failed on a busy 2-core CI machine; start-up is not a race. */
    private static final long STARTUP_TIMEOUT_MS = 60_000;

    static EmbeddedMailServer start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                listener(smtpPort, ServerSetup.PROTOCOL_SMTP), listener(imapPort, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new EmbeddedMailServer(mail);
    }

    private static ServerSetup listener(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        return setup;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
