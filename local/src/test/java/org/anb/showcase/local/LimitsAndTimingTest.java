package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies over the hard limit are refused from their headers; a login costs the same for unknown and known e-mails. */
class LimitsAndTimingTest {

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        URI api = URI.create(TestPlatform.platform().apiUrl());
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/videos/upload HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 2000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(600), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/json").contains("\"message\"");
        }
    }

    /**
     * Medians of interleaved attempts at the production bcrypt cost: bcrypt (~70 ms) dwarfs the lookup, so both
     * answers take the same time within a wide band — wide because this machine is shared and noisy.
     */
    @Test
    void loginTakesAsLongForAnUnknownEmailAsForAWrongPassword(@TempDir Path dir) {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of(
                "worker.enabled", "false", "auth.bcrypt-cost", "10",
                "auth.login-throttle.account-client-failures", "1000", "auth.login-throttle.client-failures", "1000",
                "auth.login-throttle.account-failures", "1000"))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            String known = api.newPlayer("Cali").email();
            List<Long> unknownNanos = new ArrayList<>();
            List<Long> knownNanos = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                knownNanos.add(timeLogin(api, known));
                unknownNanos.add(timeLogin(api, "nobody-" + UUID.randomUUID() + "@example.com"));
            }
            double ratio = (double) median(unknownNanos) / median(knownNanos);
            assertThat(ratio).as("unknown/known median login time").isBetween(0.6, 1.6);
        }
    }

    private static long timeLogin(ApiClient api, String email) {
        long start = System.nanoTime();
        assertThat(api.post("/api/auth/login", null, Map.of("email", email, "password", "not-the-password")).status())
                .isEqualTo(401);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
