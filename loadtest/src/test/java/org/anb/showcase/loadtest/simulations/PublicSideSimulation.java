package org.anb.showcase.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.loadtest.BenchData;

/**
 * The public side under load, one endpoint per run, as issue 15 measured it: 1,000 players in 10 cities with one
 * published video each and 100,000 votes; {@code users} clients in a closed loop for {@code hold} seconds.
 * {@code endpoint}: {@code gallery} (page 1, anonymous), {@code rankings} (page 1), {@code city} (Cali, page 1),
 * {@code login} (one account, the right password; 503 = shed, counted apart).
 */
public class PublicSideSimulation extends Simulation {
    private static final int USERS = Target.intProperty("users", 32);
    private static final int HOLD = Target.intProperty("hold", 20);
    private static final String ENDPOINT = System.getProperty("endpoint", "gallery");
    private static final String EMAIL = "bench-login@example.com";
    private static final String PASSWORD = "clave-segura-2026";

    static {
        try (Connection c = DatabasePool.unpooled(Target.config().get("db")).getConnection()) {
            long votes = BenchData.seed(c, 1_000, 100);
            System.out.printf("seeded 1,000 players and %,d votes%n", votes);
            HttpResponse<String> signup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Target.baseUrl() + "/api/auth/signup")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Ana\",\"last_name\":\"Carga\","
                            + "\"email\":\"" + EMAIL + "\",\"password1\":\"" + PASSWORD + "\",\"password2\":\""
                            + PASSWORD + "\",\"city\":\"Cali\",\"country\":\"Colombia\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("login account: " + signup.statusCode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, HttpRequestActionBuilder> REQUESTS = Map.of(
            "gallery", http("gallery page 1").get("/api/public/videos?page=1&page_size=20").check(status().is(200)),
            "rankings", http("rankings page 1").get("/api/public/rankings?page=1&page_size=20").check(status().is(200)),
            "city", http("rankings Cali page 1").get("/api/public/rankings?city=Cali&page=1&page_size=20")
                    .check(status().is(200)),
            "login", http("login").post("/api/auth/login").header("Content-Type", "application/json")
                    .body(StringBody("{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .check(status().in(200, 503)));

    private final ScenarioBuilder clients = scenario(ENDPOINT).forever().on(
            io.gatling.javaapi.core.CoreDsl.exec(REQUESTS.get(ENDPOINT)));

    {
        setUp(clients.injectClosed(constantConcurrentUsers(USERS).during(HOLD)))
                .protocols(http.baseUrl(Target.baseUrl()).shareConnections())
                .maxDuration(java.time.Duration.ofSeconds(HOLD));
    }
}
