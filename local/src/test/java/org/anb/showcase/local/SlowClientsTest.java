package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.MetricValues;
import org.anb.showcase.local.support.TestWorkers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of connections that send their headers and then trickle their bodies (slowloris on the body), from one
 * host and from many: health and a public read keep answering in time, a full server says 503 (never 500), the
 * trickles are cut off (their connections closed) after the grace period, and none of it is logged as an incident.
 */
class SlowClientsTest {
    private static final int CONNECTIONS = 300;
    private static final int SLOTS_PER_CLIENT = 32; // limits.concurrent-per-client in application.yaml
    private static final int SERVER_SLOTS = 256; // server.max-concurrent-requests in application.yaml

    @TempDir
    static Path dir;
    private static LocalPlatform platform;
    private static final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private static final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** ErrorResponses' debug records: how a hang-up is told apart from an incident. */
    private static final List<LogRecord> wentAway = new CopyOnWriteArrayList<>();
    private static final Logger errorResponses = Logger.getLogger("org.anb.showcase.app.http.ErrorResponses");
    private static final Handler wentAwayLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            wentAway.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of("worker.enabled", "false",
                "auth.trusted-proxy-hops", "1"));
        Logger.getLogger("").addHandler(errorLog);
        errorResponses.setLevel(Level.FINE);
        errorResponses.addHandler(wentAwayLog);
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(errorLog);
        errorResponses.removeHandler(wentAwayLog);
        errorResponses.setLevel(null);
        platform.close();
    }

    @Test
    void oneHostTricklingBodiesGetsItsShareOfSlotsAndEveryoneElseIsServed() throws Exception {
        ApiClient sameHost = ApiClient.at(platform.apiUrl()).from("203.0.113.66");
        try (Trickle attack = Trickle.open(platform.api().port(), i -> "203.0.113.66")) {
            attack.sendHeaders();
            awaitSlotsHeld(SLOTS_PER_CLIENT, "the host's share of slots to be held by its trickles");
            assertServedInTime(ApiClient.at(platform.apiUrl()).from("198.51.100.7"));
            Reply refused = sameHost.get("/api/public/rankings", null);
            assertThat(refused.status()).as("the host's 32 slots are all taken").isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

            TestWorkers.await(Duration.ofSeconds(30), "the host's trickles to be cut off, freeing its slots",
                    () -> sameHost.get("/api/public/rankings", null).status() == 200);
            assertThat(attack.statuses()).doesNotContain(500);
        }
        assertThat(errors).as("hang-ups and slow clients are not incidents").isEmpty();
    }

    @Test
    void manyHostsFillingEverySlotGet503WhileTheHealthListenerAnswers() throws Exception {
        try (Trickle attack = Trickle.open(platform.api().port(), i -> "198.18." + (i / 250) + "." + (i % 250 + 1))) {
            attack.sendHeaders();
            awaitSlotsHeld(SERVER_SLOTS, "every slot of the listener to be held by a trickle");
            ApiClient bystander = ApiClient.at(platform.apiUrl()).from("192.0.2.9");
            long start = System.nanoTime();
            Reply busy = bystander.get("/api/public/rankings", null);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(busy.status()).as(busy.raw()).isEqualTo(503);
            assertThat(busy.message()).isEqualTo("Servidor ocupado. Intenta de nuevo en un momento.");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");

            Reply health = healthListener().get("/api/health/live", null);
            assertThat(health.status()).as("the load balancer's check still passes").isEqualTo(200);
            TestWorkers.await(Duration.ofSeconds(40), "the trickles to be cut off, freeing the slots",
                    () -> bystander.get("/api/public/rankings", null).status() == 200);
        }
        assertThat(ApiClient.at(platform.apiUrl()).get("/api/public/rankings", null).status()).isEqualTo(200);
        assertThat(errors).isEmpty();
    }

    @Test
    void aClientHangingUpMidBodyIsNoIncident() throws Exception {
        for (boolean reset : new boolean[] {true, false}) {
            try (Socket socket = new Socket("localhost", platform.api().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"email\": ").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                awaitSlotsHeld(1, "the login to be reading its body");
                // A reset, as a phone that lost its signal; or an orderly close, as an app killed mid-request.
                socket.setSoLinger(reset, 0);
            }
            TestWorkers.await(Duration.ofSeconds(30), "the abandoned request to end",
                    () -> MetricValues.sum(healthListener(), "anb_api_requests_in_flight") == 0);
        }
        assertThat(errors).as("a hang-up is logged at debug level, never as an incident").isEmpty();
        // The reset ends as a refused body (the read fails); the orderly close ends the body early: that is the
        // client going away, told apart from an incident by ErrorResponses.
        TestWorkers.await(Duration.ofSeconds(5), "the orderly hang-up to be logged as a client gone away",
                () -> wentAway.stream().anyMatch(r -> r.getMessage().startsWith("client went away during POST")));
    }

    /** Waits on the server's own count of admitted requests, read from the health listener (never full). */
    private static void awaitSlotsHeld(int slots, String what) {
        TestWorkers.await(Duration.ofSeconds(30), what,
                () -> MetricValues.sum(healthListener(), "anb_api_requests_in_flight") >= slots);
    }

    /** The API's own health listener: its slots are its own, so it answers while the main one is full. */
    private static ApiClient healthListener() {
        return ApiClient.at("http://localhost:" + platform.api().healthPort());
    }

    private static void assertServedInTime(ApiClient client) {
        for (String path : List.of("/api/health", "/api/public/videos?page=1&page_size=20")) {
            long start = System.nanoTime();
            Reply reply = client.get(path, null);
            assertThat(reply.status()).as(path + ": " + reply.raw()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(5));
        }
        Reply live = healthListener().get("/api/health/live", null);
        assertThat(live.status()).isEqualTo(200);
    }

    /**
     * Raw connections that announce a 100 kB JSON login and send one byte a second. A refusal's status line is often
     * lost: the server closes with our bytes unread, and the reset discards what it sent. So what counts is that
     * the connection ends.
     */
    private static final class Trickle implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final int port;
        private final IntFunction<String> addressOf;

        private Trickle(int port, IntFunction<String> addressOf) {
            this.port = port;
            this.addressOf = addressOf;
        }

        static Trickle open(int port, IntFunction<String> addressOf) throws IOException {
            Trickle trickle = new Trickle(port, addressOf);
            for (int i = 0; i < CONNECTIONS; i++) {
                trickle.sockets.add(new Socket("localhost", port));
            }
            return trickle;
        }

        void sendHeaders() {
            for (int i = 0; i < sockets.size(); i++) {
                Socket socket = sockets.get(i);
                String headers = "POST /api/auth/login HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                        + "X-Forwarded-For: " + addressOf.apply(i) + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{";
                threads.add(Thread.ofVirtual().start(() -> trickle(socket, headers)));
            }
        }

        private void trickle(Socket socket, String headers) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(headers.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread reader = Thread.ofVirtual().start(() -> readStatus(socket));
                while (reader.isAlive()) {
                    Thread.sleep(1_000);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection: what we are waiting for
            }
        }

        private void readStatus(Socket socket) {
            try {
                InputStream in = socket.getInputStream();
                byte[] line = new byte[12];
                if (in.readNBytes(line, 0, 12) == 12) {
                    statuses.add(Integer.parseInt(new String(line, 9, 3, StandardCharsets.US_ASCII)));
                }
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | NumberFormatException e) {
                // closed
            }
        }

        List<Integer> statuses() {
            return statuses;
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
