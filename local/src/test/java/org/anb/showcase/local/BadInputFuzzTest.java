package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;

/**
 * Generated bad input against every endpoint: random and malformed JSON, wrong types, injection and traversal
 * strings, control and non-Latin characters, oversized values, garbage ids and query strings, broken multipart.
 * Whatever comes in, the answer is never a 5xx, and every refusal is a JSON body with a message.
 */
class BadInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NASTY = List.of("' OR '1'='1", "'; DROP TABLE users; --", "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "<script>alert(1)</script>", "\u0000", "\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
            "José Ñandú 🏀", "\r\nX-Injected: 1", "%s%s%s%n", "${jndi:ldap://x}", "null", "", " ", "a".repeat(5000));
    private static final List<String> FIELDS = List.of("first_name", "last_name", "email", "password1", "password2",
            "city", "country", "password", "title", "publish");
    private static final List<String> JSON_ENDPOINTS = List.of("/api/auth/signup", "/api/auth/login",
            "/api/videos/uploads/00000000-0000-0000-0000-000000000000/complete", "/api/videos/uploads",
            "/api/videos/upload");

    /** The contest's JSON endpoints, called as an organizer so that every handler gets past its role check. */
    private static final List<String> STAFF_JSON_ENDPOINTS = List.of("PUT /api/admin/contest",
            "POST /api/admin/votes/void", "POST /api/admin/votes/restore", "POST /api/admin/cities/merge",
            "PUT /api/admin/staff/{user}", "POST /api/admin/users/{user}/suspend", "POST /api/admin/users/{user}/ban",
            "POST /api/admin/videos/{video}/disqualify", "POST /api/admin/videos/{video}/reinstate",
            "POST /api/admin/videos/{video}/approve", "POST /api/public/videos/{video}/report",
            "POST /api/videos/{video}/appeal");
    private static final List<String> STAFF_FIELDS = List.of("name", "reason", "note", "role", "until", "message",
            "details", "video_id", "voter_id", "network", "from", "to", "dry_run", "voting_open_at", "voting_close_at",
            "max_entries_per_player", "moderation", "alert_threshold", "new_edition");

    private static String token;
    private static ApiClient.Player organizer;

    private final ApiClient api = TestPlatform.api();

    private synchronized String token() {
        if (token == null) {
            token = api.newPlayer("Fuzz").token();
        }
        return token;
    }

    @Property(tries = 150)
    void jsonEndpointsRefuseBadBodiesCleanly(@ForAll("jsonEndpoints") String path, @ForAll("bodies") String body,
                                             @ForAll boolean authenticated) {
        assertClean(api.postRaw(path, authenticated ? token() : null, body));
    }

    @Property(tries = 150)
    void theContestsJsonEndpointsRefuseBadBodiesCleanly(@ForAll("staffJsonEndpoints") String route,
                                                         @ForAll("staffBodies") String body) {
        ApiClient.Player staff = organizer();
        String[] parts = route.replace("{user}", UUID.randomUUID().toString())
                .replace("{video}", UUID.randomUUID().toString()).split(" ");
        try {
            Reply reply = api.send(api.request(parts[1], staff.token()).header("Content-Type", "application/json")
                    .method(parts[0], HttpRequest.BodyPublishers.ofString(body)).build());
            assertClean(reply);
            assertThat(reply.status()).as(route + " " + body).isLessThan(500);
        } finally {
            Contest.clear(); // a body that happens to be a valid edition must not govern the other tests
        }
    }

    private synchronized ApiClient.Player organizer() {
        if (organizer == null) {
            organizer = new Contest(api).organizer();
        }
        return organizer;
    }

    @Provide
    Arbitrary<String> staffJsonEndpoints() {
        return Arbitraries.of(STAFF_JSON_ENDPOINTS);
    }

    @Provide
    Arbitrary<String> staffBodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(nastyText().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null), Arbitraries.of("2026-01-01T00:00:00-05:00", "2030-01-01T00:00:00Z",
                        "2026-13-45T99:00:00", UUID.randomUUID().toString(), "post", "pre", "moderator")
                        .map(s -> (Object) s),
                Arbitraries.just(List.of(1, "x")));
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(STAFF_FIELDS), nastyText()),
                value).ofMaxSize(9).map(BadInputFuzzTest::toJson);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, objects),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("{", "[]", "42", "null", "\u0000", "{}{}")));
    }

    @Property(tries = 80)
    void publicListsRefuseBadQueriesCleanly(@ForAll("queries") String query, @ForAll boolean rankings) {
        assertClean(api.get((rankings ? "/api/public/rankings?" : "/api/public/videos?") + query, null));
    }

    @Property(tries = 80)
    void videoRoutesRefuseGarbageIdsCleanly(@ForAll("nastyText") String id, @ForAll("idRoutes") String route) {
        String path = route.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        Reply reply = route.startsWith("GET ") ? api.get(path.substring(4), token())
                : route.startsWith("DELETE ") ? api.delete(path.substring(7), token())
                : api.post(path.substring(5), token(), null);
        assertClean(reply);
        assertThat(reply.status()).isIn(400, 401, 403, 404, 414);
    }

    @Example
    void anUnknownRouteIsA404WithTheApisOwnMessage() {
        Reply reply = api.get("/api/no-such-route", null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Recurso no encontrado.");
    }

    @Property(tries = 40)
    void brokenMultipartIsRefusedCleanly(@ForAll("bytes") byte[] body, @ForAll("boundaries") String boundary) {
        Reply reply = api.send(api.request("/api/videos/upload", token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertClean(reply);
        assertThat(reply.status()).isBetween(400, 499);
    }

    @Example
    void hugeHeadersAndUrlsAreRefusedBeforeRoutingWithJson() {
        Reply headers = api.send(api.request("/api/public/rankings", null).header("X-Padding", "h".repeat(20_000))
                .GET().build());
        assertClean(headers);
        assertThat(headers.status()).isBetween(400, 499);
        Reply url = api.get("/api/public/videos?city=" + "u".repeat(20_000), null);
        assertClean(url);
        assertThat(url.status()).isEqualTo(414);
    }

    @Provide
    Arbitrary<String> jsonEndpoints() {
        return Arbitraries.of(JSON_ENDPOINTS);
    }

    @Provide
    Arbitrary<String> idRoutes() {
        return Arbitraries.of("GET /api/videos/{id}", "DELETE /api/videos/{id}", "POST /api/videos/{id}/publish",
                "POST /api/public/videos/{id}/vote", "GET /api/public/videos/{id}", "GET /api/public/players/{id}",
                "GET /oembed?url={id}");
    }

    @Provide
    Arbitrary<String> nastyText() {
        return Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(nastyText().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null), Arbitraries.just(List.of(1, "x")), Arbitraries.just(Map.of("nested", "{}")));
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS), nastyText()), value)
                .ofMaxSize(9).map(BadInputFuzzTest::toJson);
        Arbitrary<String> raw = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("{", "[]", "[1,2]", "\"text\"", "42", "null", "{\"email\":", "{}{}", "\u0000",
                        "{\"title\": \"" + "x".repeat(40_000) + "\"}"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, objects), net.jqwik.api.Tuple.of(1, raw));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("page", "page_size", "city", "q", "sort", "seed",
                "expand"), nastyText());
        return Combinators.combine(keys, nastyText(), keys, nastyText())
                .as((k1, v1, k2, v2) -> encode(k1) + "=" + encode(v1) + "&" + encode(k2) + "=" + encode(v2));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }

    @Provide
    Arbitrary<String> boundaries() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40);
    }

    private static void assertClean(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.body().path("message").asText()).as("JSON error body: " + reply.raw()).isNotBlank();
            assertThat(reply.raw()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String toJson(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(fields));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
