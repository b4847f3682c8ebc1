package org.anb.showcase.worker.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClientBuilder;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;

/**
 * Sets this EC2 instance's scale-in protection in its Auto Scaling group. The instance learns its ID from the
 * instance metadata service (IMDSv2: a session token, then the ID) and its group from Auto Scaling, once. The role
 * may set protection on its own group only (WorkerTier). Two plain HTTP calls for the ID: the SDK's imds module would
 * be a dependency for one string.
 */
public final class AutoScalingProtector implements ScaleInProtection.Protector, AutoCloseable {
    private final AutoScalingClient autoScaling;
    private final URI metadata;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String instanceId;
    private String group;

    /**
     * @param region   the instance's region
     * @param endpoint Auto Scaling's endpoint, when not AWS's own (tests)
     * @param metadata the instance metadata service's base URI
     */
    public AutoScalingProtector(String region, Optional<URI> endpoint, URI metadata) {
        AutoScalingClientBuilder builder = AutoScalingClient.builder().region(Region.of(region));
        endpoint.ifPresent(builder::endpointOverride);
        this.autoScaling = builder.build();
        this.metadata = metadata;
    }

    @Override
    public synchronized void protect(boolean on) throws Exception {
        if (group == null) {
            instanceId = instanceId();
            group = autoScaling.describeAutoScalingInstances(b -> b.instanceIds(instanceId)).autoScalingInstances()
                    .stream().findFirst().map(AutoScalingInstanceDetails::autoScalingGroupName)
                    .orElseThrow(() -> new IllegalStateException("instance " + instanceId + " is in no Auto Scaling group"));
        }
        autoScaling.setInstanceProtection(b -> b.autoScalingGroupName(group).instanceIds(instanceId)
                .protectedFromScaleIn(on));
    }

    private String instanceId() throws Exception {
        String token = http.send(HttpRequest.newBuilder(metadata.resolve("/latest/api/token"))
                .timeout(Duration.ofSeconds(2)).header("X-aws-ec2-metadata-token-ttl-seconds", "60")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> id = http.send(HttpRequest.newBuilder(metadata.resolve("/latest/meta-data/instance-id"))
                .timeout(Duration.ofSeconds(2)).header("X-aws-ec2-metadata-token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (id.statusCode() != 200 || id.body().isBlank()) {
            throw new IllegalStateException("the instance metadata service answered " + id.statusCode());
        }
        return id.body().trim();
    }

    @Override
    public void close() {
        autoScaling.close();
    }
}
