package org.anb.showcase.worker.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: a worker holding a job is protected from scale-in, through the real AWS SDK speaking Auto Scaling's Query
 * protocol to a stand-in server, and IMDSv2 (token first) for the instance's ID.
 */
class ScaleInProtectionTest {
    private static final String NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile int autoScalingStatus = 200;

    @BeforeEach
    void start() throws IOException {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/latest/api/token", exchange -> answer(exchange, 200,
                "PUT".equals(exchange.getRequestMethod()) ? "imds-token" : ""));
        server.createContext("/latest/meta-data/instance-id", exchange -> answer(exchange,
                "imds-token".equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token")) ? 200 : 401,
                "i-0abc123"));
        server.createContext("/", this::autoScaling);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void autoScaling(HttpExchange exchange) throws IOException {
        String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        calls.add(form);
        if (autoScalingStatus != 200) {
            answer(exchange, autoScalingStatus, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Receiver</Type>"
                    + "<Code>ServiceUnavailable</Code><Message>down</Message></Error><RequestId>r</RequestId></ErrorResponse>");
        } else if (form.contains("Action=DescribeAutoScalingInstances")) {
            answer(exchange, 200, "<DescribeAutoScalingInstancesResponse xmlns=\"" + NS + "\"><DescribeAutoScalingInstancesResult>"
                    + "<AutoScalingInstances><member><InstanceId>i-0abc123</InstanceId>"
                    + "<AutoScalingGroupName>anb-prod-worker-20261206</AutoScalingGroupName><AvailabilityZone>us-east-1a</AvailabilityZone>"
                    + "<LifecycleState>InService</LifecycleState><HealthStatus>HEALTHY</HealthStatus>"
                    + "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></AutoScalingInstances>"
                    + "</DescribeAutoScalingInstancesResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>"
                    + "</DescribeAutoScalingInstancesResponse>");
        } else {
            answer(exchange, 200, "<SetInstanceProtectionResponse xmlns=\"" + NS + "\"><SetInstanceProtectionResult/>"
                    + "<ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></SetInstanceProtectionResponse>");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private AutoScalingProtector protector() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new AutoScalingProtector("us-east-1", Optional.of(base), base);
    }

    private List<String> protections() {
        return calls.stream().filter(c -> c.contains("Action=SetInstanceProtection")).toList();
    }

    @Test
    void theFirstJobProtectsTheInstanceAndTheLastOneReleasesIt() {
        try (var protector = protector()) {
            var protection = new ScaleInProtection(protector);
            var first = protection.hold();
            assertThat(protections()).singleElement().satisfies(call -> assertThat(call)
                    .contains("AutoScalingGroupName=anb-prod-worker-20261206", "InstanceIds.member.1=i-0abc123",
                            "ProtectedFromScaleIn=true"));
            var second = protection.hold();
            first.close();
            assertThat(protections()).as("another job still runs: still protected").hasSize(1);
            second.close();
            assertThat(protections()).hasSize(2);
            assertThat(protections().get(1)).contains("ProtectedFromScaleIn=false");
            protection.hold().close();
            assertThat(calls.stream().filter(c -> c.contains("Action=DescribeAutoScalingInstances")))
                    .as("the group is looked up once").hasSize(1);
        }
    }

    @Test
    void anAutoScalingOutageNeverStopsAJob() {
        autoScalingStatus = 503;
        try (var protector = protector()) {
            var protection = new ScaleInProtection(protector);
            var held = protection.hold(); // no exception: logged, the job goes on
            held.close();
            autoScalingStatus = 200;
            protection.hold().close();
            assertThat(protections()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(protections().getLast()).contains("ProtectedFromScaleIn=false");
        }
    }
}
