package org.anb.showcase.core.aws;

import java.net.URI;
import java.util.Optional;

import io.helidon.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where an AWS-protocol service lives and who we are to it. In AWS only {@code region} is set and credentials come
 * from the instance role; locally {@code endpoint} points at the embedded server and static keys are given.
 * Same code path either way: only configuration differs.
 */
public record AwsEndpoint(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {

    public static AwsEndpoint from(Config config) {
        Region region = Region.of(config.get("region").asString().orElse("us-east-1"));
        Optional<URI> endpoint = config.get("endpoint").asString().asOptional().filter(s -> !s.isBlank()).map(URI::create);
        Optional<String> accessKey = config.get("access-key-id").asString().asOptional().filter(s -> !s.isBlank());
        Optional<String> secretKey = config.get("secret-access-key").asString().asOptional().filter(s -> !s.isBlank());
        AwsCredentialsProvider credentials = accessKey.isPresent() && secretKey.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                : DefaultCredentialsProvider.builder().build();
        return new AwsEndpoint(region, endpoint, credentials);
    }
}
