package org.anb.showcase.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Signup then login, each a bcrypt computation at the configured cost (10): the password-hashing bound of the API.
 * Properties: {@code users} (concurrent clients), {@code hold} (seconds).
 */
public class AuthSimulation extends Simulation {
    private static final int USERS = Target.intProperty("users", 8);
    private static final int HOLD = Target.intProperty("hold", 60);

    private final ScenarioBuilder accounts = scenario("signup and login")
            .feed(Stream.generate(() -> Map.<String, Object>of("email", "auth-" + UUID.randomUUID() + "@example.com"))
                    .iterator())
            .exec(http("signup").post("/api/auth/signup").header("Content-Type", "application/json")
                    .body(StringBody("{\"first_name\":\"Ana\",\"last_name\":\"Carga\",\"email\":\"#{email}\","
                            + "\"password1\":\"clave-segura\",\"password2\":\"clave-segura\",\"city\":\"Cali\","
                            + "\"country\":\"Colombia\"}"))
                    .check(status().is(201)))
            .exec(http("login").post("/api/auth/login").header("Content-Type", "application/json")
                    .body(StringBody("{\"email\":\"#{email}\",\"password\":\"clave-segura\"}"))
                    .check(status().is(200)));

    {
        setUp(accounts.injectClosed(constantConcurrentUsers(USERS).during(HOLD)))
                .protocols(http.baseUrl(Target.baseUrl()).shareConnections())
                .assertions(global().failedRequests().percent().lte(1.0));
    }
}
