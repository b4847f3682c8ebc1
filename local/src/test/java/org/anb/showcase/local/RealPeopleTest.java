package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** One account per mailbox, and no throw-away mailboxes: the sign-up rules of "Real people, not scripts". */
class RealPeopleTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void oneGmailMailboxSignsUpOnceWhateverItsDotsTagAndCase() {
        String user = "ana" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(signup(user + "@gmail.com").status()).isEqualTo(201);

        for (String variant : new String[] {user.charAt(0) + "." + user.substring(1) + "+1@gmail.com",
                user.toUpperCase() + "@GoogleMail.com", " " + user + "+voto@gmail.com"}) {
            Reply refused = signup(variant);
            assertThat(refused.status()).as(variant).isEqualTo(400);
            assertThat(refused.body().path("errors").path("email").asText()).contains("Ya existe una cuenta");
        }
        assertThat(TestPlatform.database().count("SELECT count(*) FROM users WHERE email_key = ?", user + "@gmail.com"))
                .isEqualTo(1);
    }

    @Test
    void otherProvidersKeepTheirDotsAndTags() {
        String user = "ana.perez" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(signup(user + "@example.com").status()).isEqualTo(201);
        assertThat(signup(user.replace(".", "") + "@example.com").status()).isEqualTo(201);
        assertThat(signup(user + "+1@example.com").status()).isEqualTo(201);
    }

    @Test
    void disposableDomainsAndTheirSubdomainsAreRefusedNamingTheEmail() {
        for (String email : new String[] {"bot@mailinator.com", "bot@MAILINATOR.COM", "bot@x.mailinator.com",
                "bot@10minutemail.com"}) {
            Reply refused = signup(email.replace("bot@", "bot" + UUID.randomUUID().toString().substring(0, 6) + "@"));
            assertThat(refused.status()).as(email).isEqualTo(400);
            assertThat(refused.body().path("errors").path("email").asText()).contains("desechables");
        }
    }

    private Reply signup(String email) {
        return api.post("/api/auth/signup", null, ApiClient.signupBody("Ana", email, "Cali"));
    }
}
