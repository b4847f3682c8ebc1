package org.anb.showcase.local.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Reads a local-mode mailbox over IMAP, as a person trying the platform would (login and password: the address). */
public final class Mailbox {
    private final int imapPort;
    private final String address;

    public Mailbox(int imapPort, String address) {
        this.imapPort = imapPort;
        this.address = address;
    }

    public static Mailbox of(String address) {
        return new Mailbox(TestPlatform.platform().settings().imapPort(), address);
    }

    public record Mail(String subject, String body) {
        /** The token of the first link to {@code path} in the body. */
        public String tokenOf(String path) {
            Matcher m = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no " + path + " link in: " + body);
            }
            return m.group(1);
        }
    }

    /** Every mail in the inbox now. */
    public List<Mail> read() {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "3000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), String.valueOf(message.getContent())));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + address + " over IMAP", e);
        }
    }

    /** Waits (up to 10 s) for a mail whose subject contains {@code subject}, whatever else arrives around it. */
    public Mail awaitMailAbout(String subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            java.util.Optional<Mail> found = read().stream().filter(m -> m.subject().contains(subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(address + " received no mail about \"" + subject + "\"");
            }
            pause();
        }
    }

    /** Waits (up to 10 s) until the inbox holds {@code count} mails, and answers the newest. */
    public Mail awaitMail(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<Mail> mails = read();
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(address + " received " + mails.size() + " mails, expected " + count);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
