package org.anb.showcase.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.loadtest.BenchData;

/**
 * Read-heavy: the public gallery and the rankings (overall and by city, random pages) with 100 k players and about
 * a million votes seeded. Properties: {@code users} (concurrent readers), {@code hold} (seconds).
 */
public class ReadHeavySimulation extends Simulation {
    private static final int USERS = Target.intProperty("users", 50);
    private static final int HOLD = Target.intProperty("hold", 60);
    private static final String[] CITIES = {"Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena"};

    static {
        try (Connection c = DatabasePool.unpooled(Target.config().get("db")).getConnection()) {
            long votes = BenchData.seed(c, 100_000, 10);
            System.out.printf("seeded 100,000 players and %,d votes%n", votes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final ScenarioBuilder readers = scenario("public reads").randomSwitch().on(
            new Choice.WithWeight(40.0, io.gatling.javaapi.core.CoreDsl.exec(http("gallery page")
                    .get(session -> "/api/public/videos?page=" + page(500) + "&page_size=20").check(status().is(200)))),
            new Choice.WithWeight(40.0, io.gatling.javaapi.core.CoreDsl.exec(http("rankings page")
                    .get(session -> "/api/public/rankings?page=" + page(500) + "&page_size=20").check(status().is(200)))),
            new Choice.WithWeight(20.0, io.gatling.javaapi.core.CoreDsl.exec(http("rankings by city")
                    .get(session -> "/api/public/rankings?city=" + java.net.URLEncoder.encode(
                            CITIES[ThreadLocalRandom.current().nextInt(CITIES.length)], java.nio.charset.StandardCharsets.UTF_8)
                            + "&page=" + page(50)).check(status().is(200)))));

    {
        setUp(readers.injectClosed(constantConcurrentUsers(USERS).during(HOLD)))
                .protocols(http.baseUrl(Target.baseUrl()).shareConnections())
                .assertions(global().failedRequests().percent().lte(1.0));
    }

    private static int page(int max) {
        return 1 + ThreadLocalRandom.current().nextInt(max);
    }
}
