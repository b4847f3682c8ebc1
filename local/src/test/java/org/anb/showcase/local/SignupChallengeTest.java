package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.altcha.altcha.Altcha;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contest's {@code signup_challenge}: off, sign-up works as before; on, each sign-up needs a solved ALTCHA
 * challenge of ours, once. Solved here as the browser widget does, with ALTCHA's own solver.
 */
class SignupChallengeTest {
    private final ApiClient api = TestPlatform.api();
    /** Clears the edition after each test. */
    @RegisterExtension
    final Contest contest = new Contest(api);


    @Test
    void withTheSwitchOnASignUpNeedsAFreshSolutionAndTheSwitchOffNeedsNone() throws Exception {
        assertThat(signup(null).status()).as("off by default").isEqualTo(201);
        contest.set(contest.organizer(), Map.of("signup_challenge", true));

        Reply missing = signup(null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").has("altcha")).isTrue();
        assertThat(signup("bm8tZXMtdW5hLXNvbHVjaW9u").status()).as("garbage").isEqualTo(400);

        String solution = solve(api.get("/api/auth/challenge", null).body());
        assertThat(signup(solution).status()).isEqualTo(201);
        assertThat(signup(solution).status()).as("a solution is good for one sign-up").isEqualTo(400);

        JsonNode challenge = api.get("/api/auth/challenge", null).body();
        String wrongNumber = payload(challenge, solvedNumber(challenge) + 1);
        assertThat(signup(wrongNumber).status()).isEqualTo(400);
    }

    private Reply signup(String altcha) {
        Map<String, Object> body = new HashMap<>(ApiClient.signupBody("Ana", "p-" + UUID.randomUUID() + "@example.com",
                "Cali"));
        if (altcha != null) {
            body.put("altcha", altcha);
        }
        return api.post("/api/auth/signup", null, body);
    }

    private static String solve(JsonNode challenge) throws Exception {
        return payload(challenge, solvedNumber(challenge));
    }

    private static long solvedNumber(JsonNode challenge) throws Exception {
        return Altcha.solveChallenge(challenge.path("challenge").asText(), challenge.path("salt").asText(),
                Altcha.Algorithm.SHA256, challenge.path("maxnumber").asLong(), 0).number;
    }

    private static String payload(JsonNode challenge, long number) throws Exception {
        Map<String, Object> payload = Map.of("algorithm", challenge.path("algorithm").asText(),
                "challenge", challenge.path("challenge").asText(), "number", number,
                "salt", challenge.path("salt").asText(), "signature", challenge.path("signature").asText());
        return Base64.getEncoder().encodeToString(new ObjectMapper().writeValueAsString(payload)
                .getBytes(StandardCharsets.UTF_8));
    }
}
