package org.anb.showcase.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.SyntheticClip;

/**
 * Scenario 1, web capacity: logged-in players upload a small valid MP4 through the multipart API and through the
 * direct (presigned) path, ramping 0 → {@code users} concurrent players, then holding 80 % of that. Pass: p95 ≤ 1 s and
 * errors ≤ 5 %. Properties: {@code users} (X), {@code ramp} and {@code hold} (seconds); {@code users=5 ramp=1
 * hold=60} is the smoke run.
 */
public class WebCapacitySimulation extends Simulation {
    private static final int USERS = Target.intProperty("users", 5);
    private static final int RAMP = Target.intProperty("ramp", 1);
    private static final int HOLD = Target.intProperty("hold", 60);
    private static final byte[] CLIP = clip();

    private final ScenarioBuilder uploads = scenario("upload: multipart, then direct")
            .feed(io.gatling.javaapi.core.CoreDsl.listFeeder(Target.players(Math.max(5, Math.min(USERS, 100)))).circular())
            .exec(http("multipart upload").post("/api/videos/upload")
                    .header("Authorization", "Bearer #{token}")
                    .bodyPart(StringBodyPart("title", "Jugada de carga"))
                    .bodyPart(ByteArrayBodyPart("video_file", CLIP).fileName("clip.mp4").contentType("video/mp4"))
                    .asMultipartForm()
                    .check(status().is(201)))
            .exec(http("direct: presign").post("/api/videos/uploads")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(201), jsonPath("$.video_id").saveAs("videoId"),
                            jsonPath("$.upload_url").saveAs("uploadUrl"),
                            jsonPath("$.fields").ofMap().saveAs("fields")))
            .exec(http("direct: POST to S3").post("#{uploadUrl}")
                    .formParamMap(session -> {
                        Map<String, Object> fields = new HashMap<>(session.getMap("fields"));
                        fields.put("Content-Type", "video/mp4");
                        return fields;
                    })
                    .bodyPart(ByteArrayBodyPart("file", CLIP).fileName("clip.mp4").contentType("video/mp4"))
                    .asMultipartForm()
                    .check(status().in(200, 201, 204)))
            .exec(http("direct: complete").post("/api/videos/uploads/#{videoId}/complete")
                    .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                    .body(StringBody("{\"title\":\"Jugada directa\"}"))
                    .check(status().is(201)));

    {
        setUp(uploads.injectClosed(
                rampConcurrentUsers(0).to(USERS).during(RAMP),
                constantConcurrentUsers(Math.max(1, USERS * 8 / 10)).during(HOLD)))
                .protocols(http.baseUrl(Target.baseUrl()).shareConnections())
                .assertions(global().responseTime().percentile(95).lte(1000),
                        global().failedRequests().percent().lte(5.0));
    }

    private static byte[] clip() {
        try {
            Path dir = Files.createTempDirectory("anb-load-clip");
            return Files.readAllBytes(SyntheticClip.make(FfmpegTools.bundled(), dir, 640, 360, 21, false));
        } catch (Exception e) {
            throw new IllegalStateException("could not make the sample clip", e);
        }
    }
}
