package org.anb.showcase.core.db.credentials;

import org.anb.showcase.core.aws.AwsEndpoint;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The credentials in a Secrets Manager secret: RDS's managed master secret, which it rotates (every 7 days by
 * default). Read at start and again after the database refuses a password; never cached beyond that.
 */
public final class SecretsManagerCredentials implements CredentialSource {
    private final SecretsManagerClient client;
    private final String secretId;

    SecretsManagerCredentials(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    static SecretsManagerCredentials create(String secretId, AwsEndpoint endpoint) {
        var builder = SecretsManagerClient.builder()
                .region(endpoint.region())
                .credentialsProvider(endpoint.credentials())
                .httpClientBuilder(ApacheHttpClient.builder());
        endpoint.endpoint().ifPresent(builder::endpointOverride);
        return new SecretsManagerCredentials(builder.build(), secretId);
    }

    @Override
    public DatabaseCredentials read() {
        try {
            return DatabaseCredentials.fromJson(client.getSecretValue(r -> r.secretId(secretId)).secretString(),
                    describe());
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String describe() {
        return "the secret " + secretId;
    }
}
